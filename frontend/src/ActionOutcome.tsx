import type { Outcome } from './refresh';

/** What the last action did (a status), or why it failed (an alert). */
export function ActionOutcome({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return outcome.ok ? <p role="status">{outcome.text}</p> : <p role="alert" className="error">{outcome.text}</p>;
}
