import { describe, expect, it } from 'vitest';
import { diffSummary, duration, isOpen, rebuildSummary, type Rebuild, type TableDiff } from './rebuilds';

function rebuild(changes: Partial<Rebuild>): Rebuild {
  return {
    processor: 'chat-rooms', node: 'node-1', state: 'BUILDING', position: 25_000, head: 100_000, progress: 0.25,
    events: 25_000, eventsPerSecond: 12_500.4, etaSeconds: 6, stalled: false, diff: null, skippedEvents: 0,
    skipped: [], error: null,
    startedAt: '2026-12-03T18:00:00Z', updatedAt: '2026-12-03T18:00:02Z', finishedAt: null, ...changes,
  };
}

const DRIFT: TableDiff = {
  table: 'chat_room_ban_view', liveRows: 19_998, rebuiltRows: 20_000, added: 3, removed: 1, changed: 1, samples: [],
};

describe('rebuilds', () => {
  it('tells progress, speed and time left while building', () => {
    expect(rebuildSummary(rebuild({}))).toBe(
      'Rebuilding on node-1: 25% (25,000 events, 12,500 events/s, about 6 s to go).',
    );
    expect(rebuildSummary(rebuild({ etaSeconds: null }))).toBe(
      'Rebuilding on node-1: 25% (25,000 events, 12,500 events/s).',
    );
  });

  it('tells what differs once ready', () => {
    expect(rebuildSummary(rebuild({ state: 'READY', diff: [DRIFT], progress: 1 }))).toContain(
      'Differences from the live tables: 3 rows added, 1 removed, 1 changed.',
    );
    expect(diffSummary([{ ...DRIFT, added: 0, removed: 0, changed: 0 }])).toBe('No differences from the live tables.');
    expect(rebuildSummary(rebuild({ state: 'READY', diff: [], skippedEvents: 2 }))).toContain(
      '2 events could not be handled and were left out. No differences',
    );
  });

  it('says a stalled rebuild must be discarded, and why a failed one failed', () => {
    expect(rebuildSummary(rebuild({ stalled: true }))).toBe(
      'Stalled: node node-1 stopped reporting. Discard it and start again.',
    );
    expect(rebuildSummary(rebuild({ state: 'FAILED', error: 'a foreign key broke' }))).toBe(
      'Failed: a foreign key broke. The live tables stayed as they were.',
    );
  });

  it('knows which rebuilds are still open', () => {
    expect(isOpen(rebuild({}))).toBe(true);
    expect(isOpen(rebuild({ state: 'SWITCHED' }))).toBe(false);
  });

  it('writes durations', () => {
    expect(duration(0.2)).toBe('under a second');
    expect(duration(65)).toBe('1 min 5 s');
  });
});
