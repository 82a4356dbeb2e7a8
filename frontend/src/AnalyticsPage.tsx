import { useCallback, useState, type FormEvent } from 'react';
import { ApiError, api, messageOf } from './api';
import { useRefresh } from './refresh';
import { emoteImage, minuteBars, type ChatSpike, type ChatStats, type StatsNow, type TopEmote } from './analytics';
import { ChannelSelect, useChosenChannel } from './ChannelSelect';
import type { Platform } from './session';

const REFRESH_MS = 5000;
const HOUR_MS = 60 * 60 * 1000;

interface HistoryMessage {
  id: string;
  kind: string;
  user: { login: string; displayName: string } | null;
  text: string | null;
  sentAt: string;
}

interface HistoryPage {
  messages: HistoryMessage[];
  next: string | null;
}

function Emotes({ emotes, platform }: { emotes: TopEmote[]; platform: Platform | null }) {
  if (emotes.length === 0) return <p className="muted">No emotes yet.</p>;
  return (
    <ol className="tops">
      {emotes.map((emote) => {
        const image = emoteImage(platform?.emoteImages, emote);
        return (
          <li key={`${emote.provider}:${emote.emoteId}`}>
            {image && <img src={image} alt={emote.code} height={28} />}
            <span>{emote.code}</span>
            <span className="muted">{emote.count}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** Messages per minute over the last hour, spikes marked. */
function MinuteChart({ series, spikes }: { series: ChatStats[]; spikes: ChatSpike[] }) {
  const now = new Date();
  const bars = minuteBars(series, spikes, new Date(now.getTime() - HOUR_MS), now);
  const width = 8;
  return (
    <svg className="chart" viewBox={`0 0 ${bars.length * width} 100`} preserveAspectRatio="none" role="img"
      aria-label="Messages per minute over the last hour" data-testid="minute-chart">
      {bars.map((bar, index) => (
        <rect key={bar.start} x={index * width + 1} width={width - 2} y={100 - bar.height * 96}
          height={Math.max(bar.height * 96, bar.messages > 0 ? 1 : 0)} className={bar.spike ? 'spike' : undefined}>
          <title>{`${new Date(bar.start).toLocaleTimeString()}: ${bar.messages} messages${bar.spike ? ', a spike' : ''}`}</title>
        </rect>
      ))}
    </svg>
  );
}

function History({ channelId }: { channelId: string }) {
  const [words, setWords] = useState('');
  const [user, setUser] = useState('');
  const [found, setFound] = useState<HistoryPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function search(cursor: string | null) {
    const query = new URLSearchParams({ limit: '50' });
    if (words.trim()) query.set('q', words.trim());
    if (user.trim()) query.set('user', user.trim());
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await api<HistoryPage>('GET', `/api/channels/${channelId}/messages?${query}`);
      setFound((previous) => (cursor && previous ? { messages: [...previous.messages, ...page.messages], next: page.next }
        : page));
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void search(null);
  }

  const exportQuery = new URLSearchParams();
  if (words.trim()) exportQuery.set('q', words.trim());
  if (user.trim()) exportQuery.set('user', user.trim());
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Chat history</h2>
      <form className="row" onSubmit={submit}>
        <label htmlFor="history-words">Words</label>
        <input id="history-words" value={words} maxLength={200} onChange={(event) => setWords(event.target.value)} />
        <label htmlFor="history-user">Chatter</label>
        <input id="history-user" value={user} maxLength={25} placeholder="login"
          onChange={(event) => setUser(event.target.value)} />
        <button type="submit">Search</button>
        <a href={`/api/channels/${channelId}/messages/export?${exportQuery}`}>Export NDJSON</a>
        <a href={`/api/channels/${channelId}/messages/export?${exportQuery}&format=csv`}>Export CSV</a>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {found && (found.messages.length === 0 ? <p className="muted">Nothing found.</p> : (
        <ol className="history" data-testid="history-results">
          {found.messages.map((message) => (
            <li key={message.id}>
              <time dateTime={message.sentAt}>{new Date(message.sentAt).toLocaleString()}</time>
              <strong>{message.user?.displayName ?? message.kind}</strong>
              <span>{message.text ?? message.kind.toLowerCase().replace('_', ' ')}</span>
            </li>
          ))}
        </ol>
      ))}
      {found?.next && <button className="secondary" onClick={() => void search(found.next)}>Older messages</button>}
    </section>
  );
}

/** Top emotes and chatters of the last ten minutes, or of the live stream so far. */
function Tops({ now, platform }: { now: StatsNow; platform: Platform | null }) {
  const [ofStream, setOfStream] = useState(false);
  const stream = now.current_stream;
  const tops = ofStream && stream ? stream : now;
  const span = ofStream && stream ? 'this stream' : 'last 10 minutes';
  return (
    <>
      {stream && (
        <div className="row">
          <label htmlFor="tops-span">Tops of</label>
          <select id="tops-span" value={ofStream ? 'stream' : 'minutes'}
            onChange={(event) => setOfStream(event.target.value === 'stream')}>
            <option value="minutes">the last 10 minutes</option>
            <option value="stream">this stream ({stream.message_count} messages since {
              new Date(stream.started_at * 1000).toLocaleTimeString()})</option>
          </select>
        </div>
      )}
      <div className="columns">
        <section aria-labelledby="emotes-heading">
          <h2 id="emotes-heading">Top emotes, {span}</h2>
          <Emotes emotes={tops.top_emotes} platform={platform} />
        </section>
        <section aria-labelledby="chatters-heading">
          <h2 id="chatters-heading">Top chatters, {span}</h2>
          {tops.top_chatters.length === 0 ? <p className="muted">No chatters yet.</p> : (
            <ol className="tops">
              {tops.top_chatters.map((chatter) => (
                <li key={chatter.login}><span>{chatter.login}</span><span className="muted">{chatter.count}</span></li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}

/** A subscribed channel's chat now, over the last hour, its spikes, and its searchable history. */
export function AnalyticsPage({ platform }: { platform: Platform | null }) {
  const [error, setError] = useState<string | null>(null);
  const { channels, channelId, setChannelId } = useChosenChannel(setError);
  // undefined until the first answer; null when nothing was counted yet
  const [now, setNow] = useState<StatsNow | null | undefined>(undefined);
  const [series, setSeries] = useState<ChatStats[]>([]);
  const [spikes, setSpikes] = useState<ChatSpike[]>([]);

  const load = useCallback(() => {
    if (!channelId) return;
    const from = new Date(Date.now() - HOUR_MS).toISOString();
    Promise.all([
      // 404: nothing was counted in this channel yet
      api<StatsNow>('GET', `/api/channels/${channelId}/stats`)
        .catch((failure) => (failure instanceof ApiError && failure.status === 404 ? null : Promise.reject(failure))),
      api<ChatStats[]>('GET', `/api/channels/${channelId}/stats/series?window=1m&from=${from}`),
      api<ChatSpike[]>('GET', `/api/channels/${channelId}/spikes?from=${from}`),
    ]).then(([current, minutes, found]) => {
      setNow(current);
      setSeries(minutes);
      setSpikes(found);
      setError(null);
    }).catch((failure) => setError(messageOf(failure)));
  }, [channelId]);

  useRefresh(load, REFRESH_MS);

  if (channels !== null && channels.length === 0) {
    return (
      <section className="card" aria-labelledby="analytics-heading">
        <h1 id="analytics-heading">Analytics</h1>
        <p className="muted">Subscribe a channel on the Channels page: its chat is counted from then on.</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="analytics-heading">
      <h1 id="analytics-heading">Analytics</h1>
      <ChannelSelect id="analytics-channel" channels={channels} channelId={channelId} onChange={setChannelId} />
      {error && <p role="alert" className="error">{error}</p>}
      {now === null && !error && (
        <p className="muted">Nothing counted yet: the figures start with the channel&apos;s first chat message.</p>
      )}
      {now && (
        <dl className="figures" data-testid="stats-now">
          <div><dt>Messages this minute</dt><dd data-testid="messages-this-minute">{now.minute_window.message_count}</dd></div>
          <div><dt>Messages per second</dt><dd>{now.messages_per_second}</dd></div>
          <div><dt>Chatters this minute</dt><dd>{now.minute_window.unique_chatters}</dd></div>
          <div><dt>Messages, last 10 minutes</dt><dd>{now.message_count}</dd></div>
        </dl>
      )}
      <h2>Messages per minute</h2>
      <MinuteChart series={series} spikes={spikes} />
      <div className="chart-axis muted"><span>an hour ago</span><span>now</span></div>
      <p className="muted">{spikes.length === 0 ? 'No chat spikes in the last hour.'
        : `${spikes.length} chat spike${spikes.length === 1 ? '' : 's'} in the last hour (marked).`}</p>
      {now && <Tops now={now} platform={platform} />}
      {channelId && <History key={channelId} channelId={channelId} />}
    </section>
  );
}
