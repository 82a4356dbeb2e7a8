import { useEffect, useState, type FormEvent } from 'react';
import { api, messageOf } from '../api';
import {
  RULE_FIELDS, autoClippingSummary, baselineSeconds, duration, ruleProblem, type HighlightSettings, type SpikeBacktest, type SpikeRule,
} from '../highlights';
import { BacktestResult } from './BacktestResult';
import { DetectorWarmth } from './DetectorWarmth';

/**
 * The channel's auto-clipping and spike rule: each subscriber chooses to auto-clip with their own Twitch account; the
 * broadcaster changes the rule (and can try one on past chat first), lets others auto-clip or not, and makes the
 * channel's clips public or not.
 */
export function AutoClippingSettings({ channelId }: { channelId: string }) {
  const [settings, setSettings] = useState<HighlightSettings | null>(null);
  const [rule, setRule] = useState<SpikeRule | null>(null);
  const [backtest, setBacktest] = useState<SpikeBacktest | null>(null);
  const [hours, setHours] = useState(24);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setBacktest(null);
    setMessage(null);
    api<HighlightSettings>('GET', `/api/channels/${channelId}/highlights`).then((found) => {
      setSettings(found);
      setRule(found.rule);
      setError(null);
    }).catch((failure) => setError(messageOf(failure)));
  }, [channelId]);

  async function change(request: Promise<HighlightSettings>, saved: (now: HighlightSettings) => string) {
    try {
      const now = await request;
      setSettings(now);
      setRule(now.rule);
      setMessage(saved(now));
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  function configure(current: HighlightSettings, changes: Partial<{ rule: SpikeRule | null; othersMayClip: boolean;
    publicClips: boolean; publicStats: boolean }>) {
    const body = { rule: current.custom ? current.rule : null, othersMayClip: current.othersMayClip,
      publicClips: current.publicClips, publicStats: current.publicStats, ...changes };
    void change(api<HighlightSettings>('PUT', `/api/channels/${channelId}/highlights`, body), () => 'Saved.');
  }

  function autoClip(on: boolean) {
    void change(api<HighlightSettings>('PUT', `/api/channels/${channelId}/highlights/auto-clip`, { on }),
      (now) => (now.autoClip ? 'Saved: chat spikes become clips made with your Twitch account.'
        : 'Saved: you no longer auto-clip this channel.'));
  }

  function resume() {
    void change(api<HighlightSettings>('POST', `/api/channels/${channelId}/highlights/resume`),
      () => 'Auto-clipping resumed: the next spike asks Twitch for a clip again.');
  }

  async function tryRule(event: FormEvent) {
    event.preventDefault();
    if (!rule) return;
    const problem = ruleProblem(rule);
    if (problem) {
      setError(problem);
      return;
    }
    try {
      setBacktest(await api<SpikeBacktest>('POST', `/api/channels/${channelId}/highlights/backtest`,
        { from: new Date(Date.now() - hours * 3600_000).toISOString(), rule }));
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  if (!settings || !rule) return error ? <p role="alert" className="error">{error}</p> : null;
  const problem = ruleProblem(rule);
  return (
    <section aria-labelledby="highlight-settings-heading">
      <h2 id="highlight-settings-heading">Auto-clipping</h2>
      {settings.paused && (
        <div role="alert" className="error" data-testid="clips-paused">
          <p>
            Auto-clipping of this channel is paused since{' '}
            <time dateTime={settings.paused.since}>{new Date(settings.paused.since).toLocaleString()}</time>:
            Twitch refused its clips ({settings.paused.reason}).
          </p>
          <p>
            Twitch refuses clips when the broadcaster turned clips off or limited them to followers or subscribers
            (in the Creator Dashboard, under Settings → Stream → Clips), or when the auto-clippers are banned or timed
            out in the channel. Once that is fixed, resume: the next spike asks for a clip again.
          </p>
          <button type="button" onClick={resume}>Resume auto-clipping</button>
        </div>
      )}
      <label className="row">
        <input type="checkbox" checked={settings.autoClip}
          disabled={!settings.autoClip && settings.cannotAutoClip !== null}
          onChange={(event) => autoClip(event.target.checked)} />
        Clip every chat spike on Twitch with my Twitch account
      </label>
      {settings.cannotAutoClip && <p className="muted">{settings.cannotAutoClip}.</p>}
      <p className="muted" data-testid="auto-clippers">{autoClippingSummary(settings)}</p>
      <DetectorWarmth channelId={channelId} rule={settings.rule} />
      {settings.editable && (
        <fieldset>
          <legend>As the broadcaster</legend>
          <label className="row">
            <input type="checkbox" checked={settings.othersMayClip}
              onChange={(event) => configure(settings, { othersMayClip: event.target.checked })} />
            Let other subscribers auto-clip my channel on this Stagehand
          </label>
          <label className="row">
            <input type="checkbox" checked={settings.publicClips}
              onChange={(event) => configure(settings, { publicClips: event.target.checked })} />
            Show my channel's clips in the public <a href="/highlights">highlight feed</a>
          </label>
          <label className="row">
            <input type="checkbox" checked={settings.publicStats}
              onChange={(event) => configure(settings, { publicStats: event.target.checked })} />
            Let anyone read my channel's chat statistics, without a login (<code>/api/channels/&lt;login&gt;/stats</code>)
          </label>
        </fieldset>
      )}
      <form onSubmit={tryRule}>
        <p className="muted">
          A spike is a window of chat above the baseline's mean by the standard deviations and the minimum lift below.
          {' '}The baseline is the last {duration(baselineSeconds(rule))} of chat.
          {settings.custom ? ' This channel has its own rule.' : ' This channel uses the default rule.'}
        </p>
        <div className="rule-fields">
          {RULE_FIELDS.map((field) => (
            <label key={field.key}>{field.label}
              <input type="number" min={field.min} max={field.max} step={field.step} value={rule[field.key]}
                onChange={(event) => setRule({ ...rule, [field.key]: Number(event.target.value) })} />
            </label>
          ))}
        </div>
        <div className="row">
          <label htmlFor="backtest-hours">Try it on the last</label>
          <select id="backtest-hours" value={hours} onChange={(event) => setHours(Number(event.target.value))}>
            {[1, 6, 24, 48].map((value) => <option key={value} value={value}>{value} h</option>)}
          </select>
          <span>of chat</span>
          <button type="submit" className="secondary" disabled={problem !== null}>Backtest</button>
          {settings.editable && (
            <>
              <button type="button" disabled={problem !== null} onClick={() => configure(settings, { rule })}>
                Use this rule
              </button>
              {settings.custom && (
                <button type="button" className="secondary" onClick={() => configure(settings, { rule: null })}>
                  Back to the default
                </button>
              )}
            </>
          )}
        </div>
      </form>
      {problem && <p className="error">{problem}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {message && <p role="status">{message}</p>}
      {backtest && <BacktestResult backtest={backtest} />}
    </section>
  );
}
