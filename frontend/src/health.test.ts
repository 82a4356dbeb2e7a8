import { describe, expect, it } from 'vitest';
import { summarize } from './health';

describe('summarize', () => {
  it('lists every part in a fixed order with what it reports', () => {
    const parts = summarize({
      status: 'UP',
      components: {
        kafka: { status: 'UP', details: { brokers: 1, clusterId: 'x' } },
        db: { status: 'UP', details: { database: 'PostgreSQL' } },
        eventProcessors: {
          status: 'UP',
          details: { accounts: { running: true, replaying: false, error: false, lag: 0, deadLetters: 0 } },
        },
        chatStream: { status: 'UP', details: { state: 'RUNNING', threads: ['RUNNING'] } },
        connections: {
          status: 'UP',
          details: { webSockets: 3, webSocketCap: 3, full: true, openFiles: 900, fileLimit: 20000 },
        },
        twitchChat: {
          status: 'UP',
          details: { connections: [{ state: 'CONNECTED', channels: 100 }, { state: 'RECONNECTING', channels: 3 }] },
        },
      },
    });
    expect(parts.map((p) => p.label))
      .toEqual(['PostgreSQL', 'Kafka', 'Event processors', 'Chat analytics', 'Connections', 'Twitch chat']);
    expect(parts.every((p) => p.up)).toBe(true);
    expect(parts[0].summary).toBe('connected');
    expect(parts[1].summary).toBe('1 broker');
    expect(parts[2].summary).toBe('accounts: running, up to date');
    expect(parts[3].summary).toBe('running');
    expect(parts[4].summary).toBe('3 of 3 WebSockets, 900 of 20000 files open: full, new WebSockets refused');
    expect(parts[5].summary).toBe('1 of 2 connected, 103 channels');
  });

  it('says when no chat is read', () => {
    const parts = summarize({
      status: 'UP',
      components: { twitchChat: { status: 'UP', details: { connections: [] } } },
    });
    expect(parts[5].summary).toBe('no channels joined');
  });

  it('reports a failing processor with its dead letters', () => {
    const [, , processors] = summarize({
      status: 'DOWN',
      components: {
        eventProcessors: {
          status: 'DOWN',
          details: { accounts: { running: true, replaying: false, error: true, lag: 12, deadLetters: 3 } },
        },
      },
    });
    expect(processors.up).toBe(false);
    expect(processors.summary).toBe('accounts: failing, 12 events behind, 3 dead letters');
  });

  it('leaves out a lag that is not known yet', () => {
    const [, , processors] = summarize({
      status: 'UP',
      components: {
        eventProcessors: {
          status: 'UP',
          details: { accounts: { running: true, replaying: true, error: false, deadLetters: 0 } },
        },
      },
    });
    expect(processors.summary).toBe('accounts: replaying');
  });

  it('treats a part missing from the answer as down', () => {
    const [db] = summarize({ status: 'DOWN', components: {} });
    expect(db).toEqual({ key: 'db', label: 'PostgreSQL', up: false, summary: 'not reported' });
  });
});
