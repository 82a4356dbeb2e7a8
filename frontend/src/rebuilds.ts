/** Rebuilds of projections beside their live tables, as the Admin page shows them. */

export interface TableDiff {
  table: string;
  liveRows: number;
  rebuiltRows: number;
  added: number;
  removed: number;
  changed: number;
  samples: { live: string | null; rebuilt: string | null }[];
}

export interface Rebuild {
  processor: string;
  node: string;
  state: 'BUILDING' | 'READY' | 'CONFIRMED' | 'SWITCHED' | 'DISCARDED' | 'FAILED';
  position: number;
  head: number;
  progress: number;
  events: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
  stalled: boolean;
  diff: TableDiff[] | null;
  skippedEvents: number;
  skipped: { eventId: string; eventType: string; reason: string }[];
  error: string | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** "1 min 5 s", "12 s", "under a second". */
export function duration(seconds: number): string {
  if (seconds < 1) return 'under a second';
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  return minutes === 0 ? `${rest} s` : `${minutes} min ${rest} s`;
}

/** One line saying where a rebuild stands. */
export function rebuildSummary(rebuild: Rebuild): string {
  if (rebuild.stalled) return `Stalled: node ${rebuild.node} stopped reporting. Discard it and start again.`;
  const events = `${rebuild.events.toLocaleString('en')} events`;
  switch (rebuild.state) {
    case 'BUILDING': {
      const speed = `${Math.round(rebuild.eventsPerSecond).toLocaleString('en')} events/s`;
      const eta = rebuild.etaSeconds === null ? '' : `, about ${duration(rebuild.etaSeconds)} to go`;
      return `Rebuilding on ${rebuild.node}: ${Math.floor(rebuild.progress * 100)}% (${events}, ${speed}${eta}).`;
    }
    case 'READY':
      return `Rebuilt from ${events} and following new ones. ${skippedSummary(rebuild)}${diffSummary(rebuild.diff ?? [])} Swap the rebuilt tables in, or discard them.`;
    case 'CONFIRMED':
      return 'Swapping the rebuilt tables in…';
    case 'SWITCHED':
      return `The rebuilt tables are live (since ${new Date(rebuild.finishedAt ?? rebuild.updatedAt).toLocaleString()}).`;
    case 'DISCARDED':
      return 'Discarded: the live tables stayed as they were.';
    case 'FAILED':
      return `Failed: ${rebuild.error ?? 'no reason given'}. The live tables stayed as they were.`;
  }
}

/** Events the projection could not handle, as the live one could not (it dead-lettered them). */
export function skippedSummary(rebuild: Rebuild): string {
  if (rebuild.skippedEvents === 0) return '';
  const events = rebuild.skippedEvents === 1 ? '1 event' : `${rebuild.skippedEvents} events`;
  return `${events} could not be handled and ${rebuild.skippedEvents === 1 ? 'was' : 'were'} left out. `;
}

/** "No differences." or "Differences: 3 rows added, 1 removed, 1 changed." */
export function diffSummary(diff: TableDiff[]): string {
  const added = diff.reduce((sum, table) => sum + table.added, 0);
  const removed = diff.reduce((sum, table) => sum + table.removed, 0);
  const changed = diff.reduce((sum, table) => sum + table.changed, 0);
  if (added + removed + changed === 0) return 'No differences from the live tables.';
  return `Differences from the live tables: ${added} rows added, ${removed} removed, ${changed} changed.`;
}

/** Whether the rebuild is still someone's to act on (not finished either way). */
export function isOpen(rebuild: Rebuild): boolean {
  return rebuild.state === 'BUILDING' || rebuild.state === 'READY' || rebuild.state === 'CONFIRMED';
}
