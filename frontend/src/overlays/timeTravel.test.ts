import { describe, expect, it } from 'vitest';
import { localInput, replayUrl } from './timeTravel';

describe('replayUrl', () => {
  it('asks the overlay for a stretch of chat at a speed', () => {
    expect(replayUrl('http://host/overlay/abc', new Date('2026-12-03T18:00:00Z'), 10, 5)).toBe(
      'http://host/overlay/abc?from=2026-12-03T18%3A00%3A00.000Z&to=2026-12-03T18%3A10%3A00.000Z&speed=5');
  });
});

describe('localInput', () => {
  it('reads back as the same minute', () => {
    const time = new Date('2026-12-03T18:42:31Z');
    expect(new Date(localInput(time)).getTime()).toBe(new Date('2026-12-03T18:42:00Z').getTime());
  });
});
