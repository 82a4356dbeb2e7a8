import { describe, expect, it } from 'vitest';
import { deliveriesPath, deliveryNote, type Delivery } from './deliveries';

const NOW = Date.parse('2026-12-04T18:00:00Z');

function delivery(state: Delivery['state'], messageId: string | null, nextAttemptAt: string | null): Delivery {
  return {
    id: 'd1', streamer: 'PixelPanda', title: 'Coffee', game: 'Just Chatting', reason: 'WENT_LIVE', state, why: null,
    messageId, ended: null, createdAt: '2026-12-04T17:59:50Z', cursor: 'c1',
    attempts: [{ attempt: 1, status: 503, outcome: 'Discord answered 503', tookMillis: 12, at: '2026-12-04T17:59:58Z',
      nextAttemptAt }],
  };
}

describe('deliveryNote', () => {
  it('says when a retrying delivery tries next', () => {
    expect(deliveryNote(delivery('RETRYING', null, '2026-12-04T18:00:12Z'), NOW)).toMatch(/^Next attempt in 12 s \(/);
    expect(deliveryNote(delivery('RETRYING', null, '2026-12-04T17:59:59Z'), NOW)).toMatch(/^Next attempt now \(/);
  });

  it('says that a message Discord took without an id cannot be changed later', () => {
    expect(deliveryNote(delivery('DELIVERED', null, null), NOW))
      .toBe('Discord took it without giving its id: it cannot be changed later');
    expect(deliveryNote(delivery('DELIVERED', 'm1', null), NOW)).toBeNull();
    expect(deliveryNote(delivery('SKIPPED', null, null), NOW)).toBeNull();
  });
});

describe('deliveriesPath', () => {
  it('asks the server for a page of one state, or all, from a cursor', () => {
    expect(deliveriesPath('w1', '', null)).toBe('/api/webhooks/w1/deliveries?limit=50');
    expect(deliveriesPath('w1', 'DELIVERED', 'abc_-')).toBe('/api/webhooks/w1/deliveries?limit=50&state=DELIVERED'
      + '&before=abc_-');
  });
});
