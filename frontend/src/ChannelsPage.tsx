import { useCallback, useState, type FormEvent } from 'react';
import { api, messageOf } from './api';
import { useRefresh } from './refresh';
import { ChannelEmotes } from './ChannelEmotes';

export interface Channel {
  id: string;
  login: string;
  displayName: string;
  connection: 'joining' | 'joined' | 'failed' | 'left';
  reason: string | null;
  subscribedAt: string;
}

const CONNECTION_LABELS: Record<Channel['connection'], string> = {
  joining: 'Joining chat…',
  joined: 'In chat',
  failed: 'Not in chat',
  left: 'Left',
};

const REFRESH_MS = 3000;

export function ChannelsPage() {
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [wanted, setWanted] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [showingEmotes, setShowingEmotes] = useState<string | null>(null);

  const load = useCallback(() => {
    api<Channel[]>('GET', '/api/channels')
      .then(setChannels)
      .catch((failure) => setMessage({ kind: 'error', text: messageOf(failure) }));
  }, []);

  useRefresh(load, REFRESH_MS);

  async function subscribe(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const channel = await api<Channel>('POST', '/api/channels', { channel: wanted.trim() });
      setMessage({ kind: 'ok', text: `Subscribed ${channel.displayName}.` });
      setWanted('');
      load();
    } catch (failure) {
      setMessage({ kind: 'error', text: messageOf(failure) });
    } finally {
      setBusy(false);
    }
  }

  async function unsubscribe(channel: Channel) {
    try {
      await api('DELETE', `/api/channels/${channel.id}`);
      setMessage({ kind: 'ok', text: `Unsubscribed ${channel.displayName}.` });
      load();
    } catch (failure) {
      setMessage({ kind: 'error', text: messageOf(failure) });
    }
  }

  return (
    <section className="card" aria-labelledby="channels-heading">
      <h1 id="channels-heading">Channels</h1>
      <p>Subscribe a Twitch channel and Stagehand stays in its chat, so its overlays, stats and clips have data.</p>
      <form onSubmit={subscribe} className="row">
        <label htmlFor="channel">Twitch channel</label>
        <input id="channel" value={wanted} placeholder="login or channel id" maxLength={25}
          onChange={(event) => setWanted(event.target.value)} />
        <button type="submit" disabled={busy || wanted.trim() === ''}>
          Subscribe
        </button>
      </form>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
      {channels === null ? (
        <p aria-busy="true">Loading…</p>
      ) : channels.length === 0 ? (
        <p className="muted">No channels yet.</p>
      ) : (
        <ul className="channels">
          {channels.map((channel) => (
            <li key={channel.id} data-testid={`channel-${channel.login}`}>
              <span className="who">{channel.displayName}</span>
              <span className={`connection ${channel.connection}`}>{CONNECTION_LABELS[channel.connection]}</span>
              {channel.reason && <span className="muted">{channel.reason}</span>}
              <span className="spacer" />
              <button className="secondary" aria-expanded={showingEmotes === channel.id}
                onClick={() => setShowingEmotes(showingEmotes === channel.id ? null : channel.id)}>
                Emotes
              </button>
              <button className="secondary" onClick={() => unsubscribe(channel)}>
                Unsubscribe
              </button>
              {showingEmotes === channel.id && <ChannelEmotes channelId={channel.id} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
