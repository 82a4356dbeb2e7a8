/** A webhook's delivery log as the API serves it, and what its rows say beyond their state. */

export interface Attempt {
  attempt: number;
  status: number;
  outcome: string;
  tookMillis: number;
  at: string;
  /** When the next attempt is due after this one failed; null when none follows. */
  nextAttemptAt: string | null;
}

export interface Delivery {
  id: string;
  streamer: string;
  title: string | null;
  game: string | null;
  reason: 'WENT_LIVE' | 'GAME_CHANGED';
  state: 'DISPATCHED' | 'RETRYING' | 'DELIVERED' | 'ABANDONED' | 'SKIPPED';
  why: string | null;
  /** Discord's id of the message; null for one Discord took without giving it (then it cannot be edited). */
  messageId: string | null;
  ended: string | null;
  attempts: Attempt[];
  createdAt: string;
  /** Where the log goes on from this entry: `before=` it asks for the page after. */
  cursor: string;
}

/** Deliveries a page of the log holds. */
export const DELIVERY_PAGE = 50;

/** The address of a page of a webhook's delivery log: its newest, or the one after `before`, of one state or all. */
export function deliveriesPath(webhookId: string, state: string, before: string | null): string {
  const query = new URLSearchParams({ limit: String(DELIVERY_PAGE) });
  if (state !== '') query.set('state', state);
  if (before !== null) query.set('before', before);
  return `/api/webhooks/${webhookId}/deliveries?${query}`;
}

/** What a row adds to its state: when a retrying delivery tries next, or that a message cannot be changed later. */
export function deliveryNote(delivery: Delivery, now: number): string | null {
  if (delivery.state === 'RETRYING') {
    const next = delivery.attempts.at(-1)?.nextAttemptAt;
    if (!next) return null;
    const seconds = Math.max(0, Math.round((Date.parse(next) - now) / 1000));
    const at = new Date(next).toLocaleTimeString();
    return seconds === 0 ? `Next attempt now (${at})` : `Next attempt in ${seconds} s (${at})`;
  }
  if (delivery.state === 'DELIVERED' && !delivery.messageId) {
    return 'Discord took it without giving its id: it cannot be changed later';
  }
  return null;
}
