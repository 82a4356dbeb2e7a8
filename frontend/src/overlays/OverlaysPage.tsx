import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, messageOf } from '../api';
import { ActionOutcome } from '../ActionOutcome';
import { useAction } from '../refresh';
import type { Channel } from '../ChannelsPage';
import { OverlayEditor } from './OverlayEditor';
import type { Overlay } from './overlays';

/** The user's overlays: each a secret OBS browser-source URL showing a channel's chat in their look. */
export function OverlaysPage() {
  const [overlays, setOverlays] = useState<Overlay[] | null>(null);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [name, setName] = useState('Main scene');
  const [channelId, setChannelId] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const { outcome, run } = useAction();

  const load = useCallback(() => {
    api<Overlay[]>('GET', '/api/overlays').then((loaded) => {
      setOverlays(loaded);
      setFailed(null);
    }).catch((failure) => setFailed(messageOf(failure)));
    api<Channel[]>('GET', '/api/channels').then((list) => {
      setChannels(list);
      setChannelId((current) => current || list[0]?.id || '');
    }).catch(() => setChannels([]));
  }, []);

  useEffect(load, [load]);

  function create(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api('POST', '/api/overlays', { name, channelId });
      load();
    }, `${name} created: paste its URL into an OBS browser source.`);
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
      <ActionOutcome outcome={outcome} />
      {overlays === null ? (
        failed ? <p role="alert" className="error">Your overlays could not be loaded: {failed}</p>
          : <p aria-busy="true">Loading…</p>
      ) : (
        <ul className="overlays">
          {overlays.map((overlay) => (
            <OverlayEditor key={`${overlay.id}-${overlay.version}-${overlay.url}`} overlay={overlay}
              channel={channelName(overlay.channelId)} onChanged={load} run={run} />
          ))}
        </ul>
      )}
    </section>
  );
}
