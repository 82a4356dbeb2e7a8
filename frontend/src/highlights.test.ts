import { describe, expect, it } from 'vitest';
import {
  autoClippingSummary, baselineSeconds, clipStatus, duration, feedPath, feedRange, ruleProblem, warmUpNote, warmUpSeconds,
  whyItFired, type Clip, type FullSpike,
  type HighlightSettings, type PublicClipPage,
} from './highlights';

const SPIKE: FullSpike = {
  windowStart: '2026-12-03T18:00:00Z',
  windowEnd: '2026-12-03T18:00:05Z',
  messages: 240,
  baselineMean: 20.5,
  baselineStdDev: 4.12,
  threshold: 32.86,
  baselineWindows: 120,
  intensity: 11.24,
};

function clip(status: Clip['status'], attempts: number, failure: string | null): Clip {
  return {
    clipId: 'clip-1', channelId: '1', status, spike: SPIKE, clip: null, failure, attempts,
    requestedAt: '2026-12-03T18:00:06Z', updatedAt: '2026-12-03T18:00:16Z',
  };
}

describe('whyItFired', () => {
  it('puts the window against the baseline it broke', () => {
    expect(whyItFired(SPIKE))
      .toBe('240 messages in 5 s, where 20.5 ± 4.1 were usual (the threshold was 32.9), intensity 11.2');
  });

  it('drops needless decimals', () => {
    expect(whyItFired({ ...SPIKE, baselineMean: 2, baselineStdDev: 0, threshold: 12, intensity: 9 }))
      .toBe('240 messages in 5 s, where 2 ± 0 were usual (the threshold was 12), intensity 9');
  });

  it('says nothing of an intensity that was not measured', () => {
    expect(whyItFired({ ...SPIKE, intensity: null }))
      .toBe('240 messages in 5 s, where 20.5 ± 4.1 were usual (the threshold was 32.9)');
  });
});

describe('clipStatus', () => {
  it('says how a clip went', () => {
    expect(clipStatus(clip('CREATED', 1, null))).toBe('Clipped after 1 attempt');
    expect(clipStatus(clip('CREATED', 2, null))).toBe('Clipped after 2 attempts');
    expect(clipStatus(clip('FAILED', 1, 'Twitch answered 404: channel offline')))
      .toBe('No clip: Twitch answered 404: channel offline');
    expect(clipStatus(clip('REQUESTED', 0, null))).toBe('Being made');
    expect(clipStatus(clip('REQUESTED', 1, 'Twitch answered 503'))).toBe('Being made (the last attempt met: Twitch answered 503)');
  });
});

describe('ruleProblem', () => {
  const rule = {
    windowSeconds: 5, baselineWindows: 120, sigmas: 3, minimumLift: 10, cooldownSeconds: 30, afterBurstSeconds: 30,
    peakSeconds: 0,
  };

  it('accepts a rule within limits', () => {
    expect(ruleProblem(rule)).toBeNull();
  });

  it('names the first field out of its limits, as the API would', () => {
    expect(ruleProblem({ ...rule, windowSeconds: 0 })).toBe('Window (s) must be between 1 and 60');
    expect(ruleProblem({ ...rule, sigmas: Number.NaN })).toBe('Standard deviations must be between 0 and 20');
  });
});

describe('the public feed', () => {
  const page = (offset: number, count: number, total: number): PublicClipPage => ({
    clips: [], count, total_count: total, has_more: offset + count < total,
    query: { min_intensity: 9, limit: 24, offset },
  });

  it('asks for a page with the original API\'s parameter names', () => {
    expect(feedPath(9, 48, 24)).toBe('/v1.0/clip?min_intensity=9&limit=24&offset=48');
  });

  it('says which clips a page shows', () => {
    expect(feedRange(page(24, 24, 60))).toBe('25–48 of 60');
    expect(feedRange(page(0, 0, 0))).toBe('none of 0');
  });
});

describe('autoClippingSummary', () => {
  const settings = (autoClip: boolean, autoClippers: number): HighlightSettings => ({
    channelId: '1', rule: {} as HighlightSettings['rule'], custom: false, othersMayClip: true, publicClips: false,
    publicStats: false, editable: false, autoClip, cannotAutoClip: null, autoClippers, paused: null,
  });

  it('counts the others who auto-clip beside the one asking', () => {
    expect(autoClippingSummary(settings(false, 0))).toBe('Nobody auto-clips this channel.');
    expect(autoClippingSummary(settings(true, 1))).toMatch(/^You auto-clip this channel: each spike makes one clip/);
    expect(autoClippingSummary(settings(true, 3))).toMatch(/^You and 2 other subscribers auto-clip this channel:/);
    expect(autoClippingSummary(settings(false, 1))).toMatch(/^1 subscriber auto-clips this channel:/);
  });
});

describe('the baseline as a duration', () => {
  it('covers the windows sliding by a second', () => {
    const rule = { windowSeconds: 5, baselineWindows: 120, sigmas: 3, minimumLift: 10, cooldownSeconds: 30,
      afterBurstSeconds: 30, peakSeconds: 0 };
    expect(baselineSeconds(rule)).toBe(124);
    expect(duration(baselineSeconds(rule))).toBe('2 min');
    expect(duration(45)).toBe('45 s');
    expect(duration(3600)).toBe('1 h');
    expect(duration(5400)).toBe('1 h 30 min');
  });
});

describe('warmUpNote', () => {
  const rule = { windowSeconds: 5, baselineWindows: 600, sigmas: 3, minimumLift: 10, cooldownSeconds: 30,
    afterBurstSeconds: 30, peakSeconds: 0 };
  const since = Date.parse('2026-12-05T02:00:00Z');
  const warmUp = { channelId: '1', since: new Date(since).toISOString(),
    warmAt: new Date(since + warmUpSeconds(rule) * 1000).toISOString(), warm: false };

  it('watches a window, its baseline and a window before it finds spikes', () => {
    expect(warmUpSeconds(rule)).toBe(609);
  });

  it('says how long after the first message a channel never heard will be warm', () => {
    expect(warmUpNote({ channelId: '1', since: null, warmAt: null, warm: false }, rule, since))
      .toBe("The detector has not heard this channel's chat yet: it finds spikes 10 min after the first message it "
        + 'hears.');
  });

  it('says when a warming detector will be warm, and how soon', () => {
    expect(warmUpNote(warmUp, rule, since + 60_000)).toMatch(/^The detector is warming up: it finds spikes from .+ \(in 9 min\), as long as the chat goes on\. A silence longer than 10 min starts its warm-up again\.$/);
  });

  it('says a warm detector finds spikes now', () => {
    expect(warmUpNote(warmUp, rule, since + 610_000)).toMatch(/^The detector is warm: it has watched this channel's chat since .+ and finds spikes now\./);
  });
});
