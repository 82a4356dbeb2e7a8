import { useState, type FormEvent } from 'react';
import { api } from '../api';
import type { RunAction } from '../refresh';
import type { Settings } from '../overlay/render';
import { OverlayVersions } from './OverlayVersions';
import { THEMES, type Overlay } from './overlays';
import { TimeTravel } from './TimeTravel';

/** An overlay: its name, secret URL, look and template, a live preview, its versions and time travel. */
export function OverlayEditor({ overlay, channel, onChanged, run }: {
  overlay: Overlay; channel: string; onChanged: () => void; run: RunAction;
}) {
  const [settings, setSettings] = useState<Settings>(overlay.settings);
  const [name, setName] = useState(overlay.name);
  const [showingVersions, setShowingVersions] = useState(false);
  const field = `overlay-${overlay.id}`;
  const act = (action: () => Promise<unknown>, success: string) => void run(async () => {
    await action();
    onChanged();
  }, success);

  function save(event: FormEvent) {
    event.preventDefault();
    act(() => api('PUT', `/api/overlays/${overlay.id}`, { name, settings }), `${name} saved: open sources update now.`);
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
            onClick={() => void run(async () => {
              // The clipboard API exists only on HTTPS and localhost pages.
              if (!navigator.clipboard) throw new Error('This browser copies only on HTTPS or localhost pages.');
              await navigator.clipboard.writeText(overlay.url);
            }, 'URL copied.')}>
            Copy URL
          </button>
          <button type="button" className="secondary"
            onClick={() => act(() => api('POST', `/api/overlays/${overlay.id}/token`),
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
        {showingVersions && <OverlayVersions overlay={overlay} restore={act} />}
        <div className="row">
          <button type="submit">Save</button>
          <button type="button" className="secondary" onClick={() => setShowingVersions(!showingVersions)}>
            History
          </button>
          <button type="button" className="danger"
            onClick={() => act(() => api('DELETE', `/api/overlays/${overlay.id}`), `${overlay.name} deleted.`)}>
            Delete
          </button>
        </div>
      </form>
      <TimeTravel overlay={overlay} />
    </li>
  );
}
