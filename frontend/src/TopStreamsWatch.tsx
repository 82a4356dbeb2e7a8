import { useState, type FormEvent } from 'react';
import { ActionOutcome } from './ActionOutcome';
import { api } from './api';
import { useAction, usePolled } from './refresh';

interface WatchSettings {
  streams: number;
  gameIds: string[];
  languages: string[];
  clipperTwitchId: string;
  clipperLogin: string;
  since: string;
}

interface FollowedChannel {
  channelId: string;
  login: string;
  displayName: string;
  connection: 'JOINING' | 'JOINED' | 'FAILED' | 'LEFT';
}

interface TopStreams {
  watch: WatchSettings | null;
  following: FollowedChannel[];
}

const REFRESH_MS = 10_000;

/** Splits a comma- or space-separated list as typed into the form. */
export function listOf(typed: string): string[] {
  return typed.split(/[\s,]+/).map((entry) => entry.trim()).filter((entry) => entry.length > 0);
}

/**
 * The top streams watch, for operators: Stagehand follows Twitch's most watched live streams (of chosen categories
 * and languages), clips their spikes with a clipping account, and shows those clips in the public highlight feed.
 */
export function TopStreamsWatch() {
  const { data: state, failed, reload } = usePolled<TopStreams>('/api/admin/top-streams', REFRESH_MS);
  const { outcome, run } = useAction();
  const [streams, setStreams] = useState(20);
  const [games, setGames] = useState('');
  const [languages, setLanguages] = useState('');
  const [clipper, setClipper] = useState('');

  function edit(watch: WatchSettings) {
    setStreams(watch.streams);
    setGames(watch.gameIds.join(', '));
    setLanguages(watch.languages.join(', '));
    setClipper(watch.clipperLogin);
  }

  function start(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api('PUT', '/api/admin/top-streams',
        { streams, gameIds: listOf(games), languages: listOf(languages), clipper });
      reload();
    }, 'Saved: the watch reads the ranking again within two minutes.');
  }

  function stop() {
    void run(async () => {
      await api('DELETE', '/api/admin/top-streams');
      reload();
    }, 'Stopped: the followed streams are left at the next reading.');
  }

  const watch = state?.watch;
  return (
    <section className="card" aria-labelledby="top-streams-heading">
      <h2 id="top-streams-heading">Top streams watch</h2>
      <p className="muted">
        Stagehand follows Twitch's most watched live streams, re-reading the ranking every two minutes: it joins a
        stream's chat when the stream enters the top N, leaves it when it goes offline or falls well below, clips its
        chat spikes with the clipping account, and shows those clips in the public highlight feed. Broadcasters who
        keep auto-clipping to themselves are followed but not clipped.
      </p>
      {watch ? (
        <p data-testid="top-streams-running">
          Following the top {watch.streams} streams
          {watch.gameIds.length > 0 && ` of categories ${watch.gameIds.join(', ')}`}
          {watch.languages.length > 0 && ` in ${watch.languages.join(', ')}`}, clipped as {watch.clipperLogin}.{' '}
          <button type="button" className="secondary" onClick={() => edit(watch)}>Edit</button>{' '}
          <button type="button" className="secondary" onClick={stop}>Stop</button>
        </p>
      ) : state && <p data-testid="top-streams-stopped">The watch is stopped.</p>}
      <form onSubmit={start} className="rule-fields">
        <label>Streams (1–100)
          <input type="number" min={1} max={100} value={streams}
            onChange={(event) => setStreams(Number(event.target.value))} />
        </label>
        <label>Category ids (empty: all)
          <input value={games} placeholder="509658, 21779" onChange={(event) => setGames(event.target.value)} />
        </label>
        <label>Languages (empty: any)
          <input value={languages} placeholder="en, de" onChange={(event) => setLanguages(event.target.value)} />
        </label>
        <label>Clipping account (a Twitch login that has logged in here)
          <input value={clipper} required onChange={(event) => setClipper(event.target.value)} />
        </label>
        <button type="submit">{watch ? 'Save' : 'Start watching'}</button>
      </form>
      {failed && <p role="alert" className="error">The top streams watch could not be loaded: {failed}</p>}
      <ActionOutcome outcome={outcome} />
      {state && state.following.length > 0 && (
        <ul data-testid="top-streams-following">
          {state.following.map((channel) => (
            <li key={channel.channelId}>
              <a href={`https://www.twitch.tv/${channel.login}`} target="_blank" rel="noreferrer">
                {channel.displayName}
              </a>{' '}
              <span className="muted">{channel.connection === 'JOINED' ? 'in chat' : channel.connection.toLowerCase()}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
