import { useCallback, useState } from 'react';
import { api, messageOf } from './api';
import { useRefresh } from './refresh';
import { isOpen, rebuildSummary, type Rebuild } from './rebuilds';
import { SystemStatus } from './SystemStatus';
import { TopStreamsWatch } from './TopStreamsWatch';

interface Segment {
  segment: number;
  owner: string | null;
  claimedHere: boolean;
}

interface Processor {
  name: string;
  running: boolean;
  rebuildable: boolean;
  error: boolean;
  lag: number | null;
  deadLetters: number;
  segments: Segment[];
}

interface ChatLoad {
  channelsPerConnection: number[];
  capacity: number;
  linesWaiting: number;
}

interface Node {
  name: string;
  nodes: number;
  claims: string[];
}

interface Part {
  name: string;
  embedded: boolean;
  where: string;
}

interface Group {
  group: string;
  state: string;
  members: number;
  lagByTopic: Record<string, number>;
  lag: number;
}

interface Letter {
  eventId: string;
  sequence: string;
  eventType: string;
  cause: string | null;
  enqueuedAt: string;
  lastTried: string;
}

export function AdminPage() {
  const [processors, setProcessors] = useState<Processor[] | null>(null);
  const [rebuilds, setRebuilds] = useState<Rebuild[]>([]);
  const [chat, setChat] = useState<ChatLoad | null>(null);
  const [node, setNode] = useState<Node | null>(null);
  const [parts, setParts] = useState<Part[]>([]);
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [letters, setLetters] = useState<{ processor: string; letters: Letter[] } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => {
    api<Processor[]>('GET', '/api/admin/processors')
      .then(setProcessors)
      .catch((failure) => setMessage(messageOf(failure)));
    api<Rebuild[]>('GET', '/api/admin/rebuilds')
      .then(setRebuilds)
      .catch(() => setRebuilds([]));
    api<ChatLoad>('GET', '/api/admin/chat')
      .then(setChat)
      .catch(() => setChat(null));
    api<Node>('GET', '/api/admin/node')
      .then(setNode)
      .catch(() => setNode(null));
    api<Part[]>('GET', '/api/admin/infrastructure')
      .then(setParts)
      .catch(() => setParts([]));
    api<Group[]>('GET', '/api/admin/kafka/groups')
      .then(setGroups)
      .catch(() => setGroups(null));
  }, []);
  useRefresh(load, rebuilds.some(isOpen) ? 1000 : 3000);

  async function act(path: string, done: string) {
    try {
      await api('POST', path);
      setMessage(done);
      load();
    } catch (failure) {
      setMessage(messageOf(failure));
    }
  }

  async function showLetters(processor: string) {
    try {
      setLetters({ processor, letters: await api<Letter[]>('GET', `/api/admin/processors/${processor}/dead-letters`) });
    } catch (failure) {
      setMessage(messageOf(failure));
    }
  }

  async function retryLetters(processor: string) {
    try {
      const retried = await api<{ before: number; after: number }>(
        'POST',
        `/api/admin/processors/${processor}/dead-letters/retry`,
      );
      setMessage(`Retried ${processor}: ${retried.before - retried.after} handled, ${retried.after} still failing.`);
      await showLetters(processor);
      load();
    } catch (failure) {
      setMessage(messageOf(failure));
    }
  }

  async function dropLetter(processor: string, eventId: string) {
    try {
      await api('DELETE', `/api/admin/processors/${processor}/dead-letters/${eventId}`);
      setMessage(`Dropped event ${eventId} of ${processor}.`);
      await showLetters(processor);
      load();
    } catch (failure) {
      setMessage(messageOf(failure));
    }
  }

  const open = (name: string) => rebuilds.some((rebuild) => rebuild.processor === name && isOpen(rebuild));

  return (
    <>
      <section className="card" aria-labelledby="status-heading">
        <h1 id="status-heading">System status</h1>
        <SystemStatus />
      </section>
      {node && (
        <section className="card" aria-labelledby="node-heading">
          <h2 id="node-heading">Nodes</h2>
          <p data-testid="node">
            This page is served by <strong>{node.name}</strong>,{' '}
            {node.nodes === 1 ? 'the only live node' : `one of ${node.nodes} live nodes`}.{' '}
            {node.claims.includes('stream watching')
              ? 'It watches streams for the deployment'
              : 'Another node watches streams'}{' '}
            and reads {node.claims.filter((claim) => claim.startsWith('chat:')).length} Twitch chats.
          </p>
        </section>
      )}
      {parts.length > 0 && (
        <section className="card" aria-labelledby="infrastructure-heading">
          <h2 id="infrastructure-heading">Infrastructure</h2>
          <ul data-testid="infrastructure">
            {parts.map((part) => (
              <li key={part.name}>
                <strong>{part.name}</strong>: {part.embedded ? 'embedded' : 'external'} ({part.where})
              </li>
            ))}
          </ul>
        </section>
      )}
      {chat && (
        <section className="card" aria-labelledby="chat-heading">
          <h2 id="chat-heading">Twitch chat connections of this node</h2>
          <p data-testid="chat-load">
            {chat.channelsPerConnection.reduce((sum, channels) => sum + channels, 0)} channels over{' '}
            {chat.channelsPerConnection.length} connections (at most {chat.capacity} each
            {chat.channelsPerConnection.length > 0 && <>: {chat.channelsPerConnection.join(', ')}</>}). Twitch allows
            20 joins per 10 seconds, so joining many channels after a restart takes a while.
          </p>
          <p data-testid="chat-waiting">
            {chat.linesWaiting} chat lines wait to be written to Kafka. While more than a thousand wait, chat history,
            then analytics and spike detection pause, so that overlays stay live; they catch up afterwards.
          </p>
        </section>
      )}
      <TopStreamsWatch />
      <section className="card" aria-labelledby="rebuilds-heading">
        <h2 id="rebuilds-heading">Rebuilds</h2>
        <p className="hint">
          A rebuild reads every event again into tables beside a projection&apos;s live ones, which keep serving. Once
          it has caught up you see how the rebuilt tables differ and swap them in at once, or discard them. Sagas are
          never rebuilt, so no Discord message, clip or chat join comes of it.
        </p>
        {message && <p role="status">{message}</p>}
        {rebuilds.length === 0 ? (
          <p>No rebuild yet.</p>
        ) : (
          rebuilds.map((rebuild) => (
            <article key={rebuild.processor} className="rebuild" data-testid={`rebuild-${rebuild.processor}`}
              data-state={rebuild.state}>
              <h3>{rebuild.processor}</h3>
              {isOpen(rebuild) && (
                <progress max={1} value={rebuild.progress} aria-label={`Rebuild of ${rebuild.processor}`} />
              )}
              <p>{rebuildSummary(rebuild)}</p>
              {rebuild.state === 'READY' && rebuild.skipped.length > 0 && (
                <ul aria-label={`Events left out of ${rebuild.processor}`}>
                  {rebuild.skipped.map((event) => (
                    <li key={event.eventId}>
                      {event.eventType} {event.eventId}: {event.reason}
                    </li>
                  ))}
                </ul>
              )}
              {rebuild.state === 'READY' && rebuild.diff && (
                <>
                  <div className="table-scroll">
                    <table aria-label={`Differences in ${rebuild.processor}`}>
                      <thead>
                        <tr>
                          <th scope="col">Table</th>
                          <th scope="col">Live rows</th>
                          <th scope="col">Rebuilt rows</th>
                          <th scope="col">Added</th>
                          <th scope="col">Removed</th>
                          <th scope="col">Changed</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rebuild.diff.map((table) => (
                          <tr key={table.table}>
                            <td>{table.table}</td>
                            <td>{table.liveRows}</td>
                            <td>{table.rebuiltRows}</td>
                            <td>{table.added}</td>
                            <td>{table.removed}</td>
                            <td>{table.changed}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {rebuild.diff.some((table) => table.samples.length > 0) && (
                    <details>
                      <summary>Some of the differing rows</summary>
                      {rebuild.diff.flatMap((table) =>
                        table.samples.map((sample, index) => (
                          <dl key={`${table.table}-${index}`} className="diff-sample">
                            <dt>{table.table}, live</dt>
                            <dd><code>{sample.live ?? '(none)'}</code></dd>
                            <dt>rebuilt</dt>
                            <dd><code>{sample.rebuilt ?? '(none)'}</code></dd>
                          </dl>
                        )),
                      )}
                    </details>
                  )}
                  <button
                    onClick={() =>
                      act(`/api/admin/processors/${rebuild.processor}/rebuild/confirm`, `Swapping ${rebuild.processor} in.`)
                    }
                  >
                    Swap in
                  </button>{' '}
                </>
              )}
              {(rebuild.state === 'BUILDING' || rebuild.state === 'READY') && (
                <button
                  className="secondary"
                  onClick={() =>
                    act(`/api/admin/processors/${rebuild.processor}/rebuild/discard`, `Discarded ${rebuild.processor}.`)
                  }
                >
                  Discard
                </button>
              )}
            </article>
          ))
        )}
      </section>
      <section className="card" aria-labelledby="processors-heading">
        <h2 id="processors-heading">Event processors</h2>
        {processors === null ? (
          <p aria-busy="true">Loading…</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Processor</th>
                  <th scope="col">State</th>
                  <th scope="col">Segments</th>
                  <th scope="col">Lag</th>
                  <th scope="col">Dead letters</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {processors.map((processor) => (
                  <tr key={processor.name}>
                    <td>{processor.name}</td>
                    <td>{processor.error ? 'error' : processor.running ? 'running' : 'stopped'}</td>
                    <td title={owners(processor.segments)}>
                      {processor.segments.filter((segment) => segment.claimedHere).length} of{' '}
                      {processor.segments.length} here
                    </td>
                    <td>{processor.lag ?? '—'}</td>
                    <td>
                      {processor.deadLetters > 0 ? (
                        <button className="link" onClick={() => showLetters(processor.name)}
                          aria-label={`Dead letters of ${processor.name}`}>
                          {processor.deadLetters}
                        </button>
                      ) : (
                        0
                      )}
                    </td>
                    <td>
                      {processor.rebuildable && !open(processor.name) && (
                        <button
                          className="secondary"
                          aria-label={`Rebuild ${processor.name}`}
                          onClick={() =>
                            act(`/api/admin/processors/${processor.name}/rebuild`, `Rebuilding ${processor.name}.`)
                          }
                        >
                          Rebuild
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {letters && (
          <div data-testid="dead-letters">
            <h3>Dead letters of {letters.processor}</h3>
            {letters.letters.length === 0 ? (
              <p>None left.</p>
            ) : (
              <>
                <p className="hint">
                  An event waits behind an earlier dead letter of the same sequence (its aggregate). Retry once what
                  was missing exists; drop an event that can never be handled.
                </p>
                <ul>
                  {letters.letters.map((letter) => (
                    <li key={letter.eventId}>
                      <strong>{letter.eventType}</strong> of {letter.sequence}, since{' '}
                      {new Date(letter.enqueuedAt).toLocaleString()}: {letter.cause ?? 'waiting behind an earlier one'}{' '}
                      <button className="secondary" onClick={() => dropLetter(letters.processor, letter.eventId)}>
                        Drop
                      </button>
                    </li>
                  ))}
                </ul>
                <button onClick={() => retryLetters(letters.processor)}>Retry all</button>
              </>
            )}
          </div>
        )}
      </section>
      {groups && (
        <section className="card" aria-labelledby="kafka-heading">
          <h2 id="kafka-heading">Kafka consumer groups</h2>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">State</th>
                  <th scope="col">Members</th>
                  <th scope="col">Lag (records)</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={group.group}>
                    <td>{group.group}</td>
                    <td>{group.state.toLowerCase()}</td>
                    <td>{group.members}</td>
                    <td title={Object.entries(group.lagByTopic).map(([topic, lag]) => `${topic}: ${lag}`).join(', ')}>
                      {group.lag}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

/** "node-1: 8, node-2: 8" — who holds the segments. */
function owners(segments: Segment[]): string {
  const count = new Map<string, number>();
  segments.forEach((segment) => count.set(segment.owner ?? 'nobody', (count.get(segment.owner ?? 'nobody') ?? 0) + 1));
  return [...count].map(([owner, held]) => `${owner}: ${held}`).join(', ');
}
