import { describe, expect, it } from 'vitest';
import { emoteImage, minuteBars, type ChatStats } from './analytics';

function minute(start: string, messageCount: number): ChatStats {
  return { channelId: '1', windowSeconds: 60, windowStart: start, windowEnd: start, messageCount, uniqueChatters: 1,
    topEmotes: [], topChatters: [] };
}

describe('minuteBars', () => {
  it('has a bar for every minute, scaled to the busiest, with spikes in the minute their window ended', () => {
    const bars = minuteBars([minute('2026-12-03T18:00:00Z', 10), minute('2026-12-03T18:02:00Z', 40)],
      [{ windowStart: '2026-12-03T18:01:57Z', windowEnd: '2026-12-03T18:02:02Z', messages: 30, baselineMean: 5,
        threshold: 15 }],
      new Date('2026-12-03T18:00:30Z'), new Date('2026-12-03T18:03:00Z'));

    expect(bars.map((bar) => [bar.messages, bar.height, bar.spike])).toEqual([
      [10, 0.25, false], [0, 0, false], [40, 1, true]]);
    expect(bars[0].start).toBe('2026-12-03T18:00:00.000Z');
  });

  it('draws a quiet hour as empty bars', () => {
    const bars = minuteBars([], [], new Date('2026-12-03T18:00:00Z'), new Date('2026-12-03T18:02:00Z'));
    expect(bars.map((bar) => bar.height)).toEqual([0, 0]);
  });
});

describe('emoteImage', () => {
  it('fills the provider template', () => {
    expect(emoteImage({ SEVENTV: 'https://cdn/{id}/1x.webp' },
      { provider: 'SEVENTV', emoteId: '60ae', code: 'catJAM', count: 3 })).toBe('https://cdn/60ae/1x.webp');
    expect(emoteImage({}, { provider: 'FFZ', emoteId: '1', code: 'x', count: 1 })).toBeNull();
  });
});
