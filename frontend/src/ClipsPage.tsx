import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from './api';
import { useRefresh } from './refresh';
import { ChannelSelect, useChosenChannel } from './ChannelSelect';
import {
  RULE_FIELDS, clipStatus, ruleProblem, whyItFired, type Clip, type HighlightSettings, type SpikeBacktest,
  type SpikeRule,
} from './highlights';

const REFRESH_MS = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;
const RANGES = [
  { label: 'Last 24 hours', ms: DAY_MS },
  { label: 'Last 7 days', ms: 7 * DAY_MS },
  { label: 'Last 30 days', ms: 30 * DAY_MS },
];

function ClipCard({ clip }: { clip: Clip }) {
  const [thumbnailFailed, setThumbnailFailed] = useState(false);
  const made = clip.clip;
  return (
    <li className="clip" data-testid="clip" data-status={clip.status}>
      {made && !thumbnailFailed ? (
        <a href={made.url} target="_blank" rel="noreferrer">
          <img src={made.thumbnailUrl} alt={`Thumbnail of ${made.title}`} onError={() => setThumbnailFailed(true)} />
        </a>
      ) : <div className="clip-placeholder" aria-hidden="true">{clip.status === 'FAILED' ? '✕' : '…'}</div>}
      <div>
        {made ? <a href={made.url} target="_blank" rel="noreferrer"><strong>{made.title}</strong></a>
          : <strong>Spike at {new Date(clip.spike.windowEnd).toLocaleTimeString()}</strong>}
        <p className="muted"><time dateTime={clip.requestedAt}>{new Date(clip.requestedAt).toLocaleString()}</time></p>
        <p>{whyItFired(clip.spike)}</p>
        <p className={clip.status === 'FAILED' ? 'error' : 'muted'}>{clipStatus(clip)}</p>
      </div>
    </li>
  );
}

/** The channel's auto-clipping and spike rule: its broadcaster changes them and can try a rule on past chat first. */
function Settings({ channelId }: { channelId: string }) {
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
    }).catch((failure) => setError((failure as Error).message));
  }, [channelId]);

  async function save(autoClip: boolean, custom: SpikeRule | null) {
    try {
      const saved = await api<HighlightSettings>('PUT', `/api/channels/${channelId}/highlights`,
        { autoClip, rule: custom });
      setSettings(saved);
      setRule(saved.rule);
      setMessage(saved.autoClip ? 'Saved: chat spikes become clips.' : 'Saved: chat spikes are only marked.');
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
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
      setError((failure as Error).message);
    }
  }

  if (!settings || !rule) return error ? <p role="alert" className="error">{error}</p> : null;
  const problem = ruleProblem(rule);
  return (
    <section aria-labelledby="highlight-settings-heading">
      <h2 id="highlight-settings-heading">Auto-clipping</h2>
      <label className="row">
        <input type="checkbox" checked={settings.autoClip} disabled={!settings.editable}
          onChange={(event) => void save(event.target.checked, settings.custom ? settings.rule : null)} />
        Clip every chat spike on Twitch
      </label>
      {!settings.editable && (
        <p className="muted">Only the channel's broadcaster, logged in with its Twitch account, can change this.</p>
      )}
      <form onSubmit={tryRule}>
        <p className="muted">
          A spike is a window of chat above the baseline's mean by the standard deviations and the minimum lift below.
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
              <button type="button" disabled={problem !== null} onClick={() => void save(settings.autoClip, rule)}>
                Use this rule
              </button>
              {settings.custom && (
                <button type="button" className="secondary" onClick={() => void save(settings.autoClip, null)}>
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
      {backtest && (
        <div data-testid="backtest">
          <p>
            {backtest.spikes.length === 0 ? 'This rule would have made no clip' : `This rule would have made `
              + `${backtest.spikes.length} clip${backtest.spikes.length === 1 ? '' : 's'}`} from {backtest.messages}
            {' '}messages.
          </p>
          <ol className="history">
            {backtest.spikes.map((spike) => (
              <li key={spike.windowStart}>
                <time dateTime={spike.windowEnd}>{new Date(spike.windowEnd).toLocaleString()}</time>
                <span>{whyItFired(spike)}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

/** The clips chat spikes made (or tried to), why each fired, and the settings that decide it. */
export function ClipsPage() {
  const [error, setError] = useState<string | null>(null);
  const { channels, channelId, setChannelId } = useChosenChannel(setError);
  const [range, setRange] = useState(RANGES[1].ms);
  const [clips, setClips] = useState<Clip[] | null>(null);

  const load = useCallback(() => {
    if (!channelId) return;
    const from = new Date(Date.now() - range).toISOString();
    api<Clip[]>('GET', `/api/channels/${channelId}/clips?from=${from}&limit=100`).then((found) => {
      setClips(found);
      setError(null);
    }).catch((failure) => setError((failure as Error).message));
  }, [channelId, range]);

  useRefresh(load, REFRESH_MS);

  if (channels !== null && channels.length === 0) {
    return (
      <section className="card" aria-labelledby="clips-heading">
        <h1 id="clips-heading">Clips</h1>
        <p className="muted">Subscribe a channel on the Channels page: its chat spikes show here.</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="clips-heading">
      <h1 id="clips-heading">Clips</h1>
      <ChannelSelect id="clips-channel" channels={channels} channelId={channelId} onChange={setChannelId} />
      {error && <p role="alert" className="error">{error}</p>}
      {channelId && <Settings channelId={channelId} />}
      <h2>Clips</h2>
      <div className="row">
        <label htmlFor="clips-range">Show</label>
        <select id="clips-range" value={range} onChange={(event) => setRange(Number(event.target.value))}>
          {RANGES.map((option) => <option key={option.ms} value={option.ms}>{option.label}</option>)}
        </select>
      </div>
      {clips && (clips.length === 0 ? <p className="muted">No clips in this time.</p> : (
        <ul className="clips">{clips.map((clip) => <ClipCard key={clip.clipId} clip={clip} />)}</ul>
      ))}
    </section>
  );
}
