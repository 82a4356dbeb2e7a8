import { useEffect, useState } from 'react';
import { api } from './api';
import { SystemStatus } from './SystemStatus';

interface Processor {
  name: string;
  running: boolean;
  replayable: boolean;
  replaying: boolean;
  error: boolean;
  lag: number | null;
  deadLetters: number;
}

interface ChatLoad {
  channelsPerConnection: number[];
  capacity: number;
}

export function AdminPage() {
  const [processors, setProcessors] = useState<Processor[] | null>(null);
  const [chat, setChat] = useState<ChatLoad | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () => {
      api<Processor[]>('GET', '/api/admin/processors')
        .then((list) => !cancelled && setProcessors(list))
        .catch((failure) => !cancelled && setMessage((failure as Error).message));
      api<ChatLoad>('GET', '/api/admin/chat')
        .then((load) => !cancelled && setChat(load))
        .catch(() => !cancelled && setChat(null));
    };
    load();
    const timer = setInterval(load, 3000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  async function replay(name: string) {
    try {
      await api('POST', `/api/admin/processors/${name}/replay`);
      setMessage(`Replaying ${name}.`);
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  }

  return (
    <>
      <section className="card" aria-labelledby="status-heading">
        <h1 id="status-heading">System status</h1>
        <SystemStatus />
      </section>
      {chat && (
        <section className="card" aria-labelledby="chat-heading">
          <h2 id="chat-heading">Twitch chat connections</h2>
          <p data-testid="chat-load">
            {chat.channelsPerConnection.reduce((sum, channels) => sum + channels, 0)} channels over{' '}
            {chat.channelsPerConnection.length} connections (at most {chat.capacity} each
            {chat.channelsPerConnection.length > 0 && <>: {chat.channelsPerConnection.join(', ')}</>}). Twitch allows
            20 joins per 10 seconds, so joining many channels after a restart takes a while.
          </p>
        </section>
      )}
      <section className="card" aria-labelledby="processors-heading">
        <h2 id="processors-heading">Event processors</h2>
        {message && <p role="status">{message}</p>}
        {processors === null ? (
          <p aria-busy="true">Loading…</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Processor</th>
                  <th scope="col">State</th>
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
                    <td>
                      {processor.error
                        ? 'error'
                        : processor.replaying
                          ? 'replaying'
                          : processor.running
                            ? 'running'
                            : 'stopped'}
                    </td>
                    <td>{processor.lag ?? '—'}</td>
                    <td>{processor.deadLetters}</td>
                    <td>
                      {processor.replayable && (
                        <button className="secondary" onClick={() => replay(processor.name)}>
                          Replay
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
