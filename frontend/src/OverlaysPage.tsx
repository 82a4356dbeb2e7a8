import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, messageOf } from './api';
import { LENGTHS_MINUTES, SPEEDS, localInput, replayUrl } from './timeTravel';
import type { Channel } from './ChannelsPage';
import type { Settings } from './overlay/render';

interface Overlay {
  id: string;
  name: string;
  channelId: string;
  settings: Settings;
  version: number;
  url: string;
}

interface Version {
  version: number;
  name: string;
  settings: Settings;
  savedAt: string;
}

const THEMES = ['classic', 'bubbles', 'minimal'];

/** Plays a past stretch of the channel's chat into this overlay: a URL for an OBS source or a browser recording. */
function TimeTravel({ overlay }: { overlay: Overlay }) {
  const [from, setFrom] = useState(localInput(new Date(Date.now() - 60 * 60_000)));
  const [minutes, setMinutes] = useState(10);
  const [speed, setSpeed] = useState(1);
  const start = new Date(from);
  const url = Number.isNaN(start.getTime()) ? null : replayUrl(overlay.url, start, minutes, speed);
  const field = `travel-${overlay.id}`;
  return (
    <details>
      <summary>Time travel</summary>
      <p className="muted">
        Play a past stretch of the channel&apos;s chat into this overlay, for VOD edits and highlight reels. Chat
        history keeps what was said for its retention period.
      </p>
      <div className="row">
        <label htmlFor={`${field}-from`}>From</label>
        <input id={`${field}-from`} type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
        <label htmlFor={`${field}-length`}>for</label>
        <select id={`${field}-length`} value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
          {LENGTHS_MINUTES.map((length) => <option key={length} value={length}>{length} min</option>)}
        </select>
        <label htmlFor={`${field}-speed`}>at</label>
        <select id={`${field}-speed`} value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
          {SPEEDS.map((times) => <option key={times} value={times}>{times}×</option>)}
        </select>
        {url && <a href={url} target="_blank" rel="noreferrer">Open the replay</a>}
      </div>
    </details>
  );
}

function OverlayEditor({ overlay, channel, onChanged, onMessage }: {
  overlay: Overlay;
  channel: string;
  onChanged: () => void;
  onMessage: (kind: 'ok' | 'error', text: string) => void;
}) {
  const [settings, setSettings] = useState<Settings>(overlay.settings);
  const [name, setName] = useState(overlay.name);
  const [history, setHistory] = useState<Version[] | null>(null);
  const field = `overlay-${overlay.id}`;

  async function run(action: () => Promise<unknown>, success: string) {
    try {
      await action();
      onMessage('ok', success);
      onChanged();
    } catch (failure) {
      onMessage('error', messageOf(failure));
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    run(() => api('PUT', `/api/overlays/${overlay.id}`, { name, settings }), `${name} saved: open sources update now.`);
  }

  return (
    <li className="overlay" data-testid={`overlay-${overlay.name}`}>
      <form onSubmit={save}>
        <div className="row">
          <label htmlFor={`${field}-name`}>Name</label>
          <input id={`${field}-name`} value={name} maxLength={64} onChange={(event) => setName(event.target.value)} />
          <span className="muted">
            {channel} · version {overlay.version}
          </span>
        </div>
        <div className="row">
          <label htmlFor={`${field}-url`}>OBS browser source (1920 × 1080)</label>
          <input id={`${field}-url`} className="secret" readOnly value={overlay.url} type="password"
            onFocus={(event) => event.currentTarget.select()} />
          <button type="button" className="secondary"
            onClick={() => navigator.clipboard?.writeText(overlay.url).then(() => onMessage('ok', 'URL copied.'))}>
            Copy URL
          </button>
          <button type="button" className="secondary"
            onClick={() => run(() => api('POST', `/api/overlays/${overlay.id}/token`),
              'New URL made: the old one stopped working.')}>
            New URL
          </button>
        </div>
        <div className="row">
          <label htmlFor={`${field}-theme`}>Theme</label>
          <select id={`${field}-theme`} value={settings.theme}
            onChange={(event) => setSettings({ ...settings, theme: event.target.value })}>
            {THEMES.map((theme) => (
              <option key={theme}>{theme}</option>
            ))}
          </select>
          <label htmlFor={`${field}-lines`}>Lines</label>
          <input id={`${field}-lines`} type="number" min={1} max={200} value={settings.maxLines}
            onChange={(event) => setSettings({ ...settings, maxLines: Number(event.target.value) })} />
          <label htmlFor={`${field}-fade`}>Fade after (s, 0 never)</label>
          <input id={`${field}-fade`} type="number" min={0} max={3600} value={settings.fadeSeconds}
            onChange={(event) => setSettings({ ...settings, fadeSeconds: Number(event.target.value) })} />
          <label htmlFor={`${field}-delay`}>Delay (s)</label>
          <input id={`${field}-delay`} type="number" min={0} max={30} value={settings.delaySeconds}
            onChange={(event) => setSettings({ ...settings, delaySeconds: Number(event.target.value) })} />
        </div>
        <div className="row">
          <label>
            <input type="checkbox" checked={settings.hideBots}
              onChange={(event) => setSettings({ ...settings, hideBots: event.target.checked })} /> Hide bots
          </label>
          <label>
            <input type="checkbox" checked={settings.hideCommands}
              onChange={(event) => setSettings({ ...settings, hideCommands: event.target.checked })} /> Hide !commands
          </label>
        </div>
        <iframe className="preview" src={overlay.url} title={`Live preview of ${overlay.name}`} />
        <label htmlFor={`${field}-template`}>
          Your template (optional): HTML with {'{{displayName}}'}, {'{{message}}'}, {'{{badges}}'}, {'{{color}}'},
          {' {{login}}'}, {'{{channel}}'}, {'{{time}}'}
        </label>
        <textarea id={`${field}-template`} rows={3} value={settings.template}
          onChange={(event) => setSettings({ ...settings, template: event.target.value })} />
        <label htmlFor={`${field}-css`}>Your CSS (optional)</label>
        <textarea id={`${field}-css`} rows={3} value={settings.css}
          onChange={(event) => setSettings({ ...settings, css: event.target.value })} />
        {history && (
          <ol className="history" aria-label={`Versions of ${overlay.name}`}>
            {history.map((saved) => (
              <li key={saved.version}>
                Version {saved.version} · {saved.settings.theme} · {new Date(saved.savedAt).toLocaleString()}{' '}
                {saved.version !== overlay.version && (
                  <button type="button" className="secondary"
                    onClick={() => run(() => api('POST', `/api/overlays/${overlay.id}/versions/${saved.version}/restore`),
                      `Version ${saved.version} restored.`)}>
                    Restore
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
        <div className="row">
          <button type="submit">Save</button>
          <button type="button" className="secondary"
            onClick={() => api<Version[]>('GET', `/api/overlays/${overlay.id}/versions`).then(setHistory)
              .catch((failure) => onMessage('error', messageOf(failure)))}>
            History
          </button>
          <button type="button" className="danger"
            onClick={() => run(() => api('DELETE', `/api/overlays/${overlay.id}`), `${overlay.name} deleted.`)}>
            Delete
          </button>
        </div>
      </form>
      <TimeTravel overlay={overlay} />
    </li>
  );
}

export function OverlaysPage() {
  const [overlays, setOverlays] = useState<Overlay[] | null>(null);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [name, setName] = useState('Main scene');
  const [channelId, setChannelId] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);

  const load = useCallback(() => {
    api<Overlay[]>('GET', '/api/overlays').then(setOverlays)
      .catch((failure) => setMessage({ kind: 'error', text: messageOf(failure) }));
    api<Channel[]>('GET', '/api/channels').then((list) => {
      setChannels(list);
      setChannelId((current) => current || list[0]?.id || '');
    }).catch(() => setChannels([]));
  }, []);

  useEffect(load, [load]);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      await api('POST', '/api/overlays', { name, channelId });
      setMessage({ kind: 'ok', text: `${name} created: paste its URL into an OBS browser source.` });
      load();
    } catch (failure) {
      setMessage({ kind: 'error', text: messageOf(failure) });
    }
  }

  const channelName = (id: string) => channels.find((channel) => channel.id === id)?.displayName ?? id;

  return (
    <section className="card" aria-labelledby="overlays-heading">
      <h1 id="overlays-heading">Overlays</h1>
      <p>
        Each overlay has a secret URL for an OBS browser source. It shows your channel&apos;s chat live, with every
        emote, in your look. Anyone with the URL sees the overlay: make a new one if it leaks.
      </p>
      {channels.length === 0 ? (
        <p className="muted">Subscribe a channel on the Channels page first.</p>
      ) : (
        <form onSubmit={create} className="row">
          <label htmlFor="overlay-name">Name</label>
          <input id="overlay-name" value={name} maxLength={64} onChange={(event) => setName(event.target.value)} />
          <label htmlFor="overlay-channel">Channel</label>
          <select id="overlay-channel" value={channelId} onChange={(event) => setChannelId(event.target.value)}>
            {channels.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.displayName}
              </option>
            ))}
          </select>
          <button type="submit">Create overlay</button>
        </form>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
      {overlays === null ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <ul className="overlays">
          {overlays.map((overlay) => (
            <OverlayEditor key={`${overlay.id}-${overlay.version}-${overlay.url}`} overlay={overlay}
              channel={channelName(overlay.channelId)} onChanged={load}
              onMessage={(kind, text) => setMessage({ kind, text })} />
          ))}
        </ul>
      )}
    </section>
  );
}
