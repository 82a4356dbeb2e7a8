/** Highlight settings, backtests and clips as the API serves them, and how the Clips page words them. */
import type { ChatSpike } from './analytics';

export interface SpikeRule {
  windowSeconds: number;
  baselineWindows: number;
  sigmas: number;
  minimumLift: number;
  cooldownSeconds: number;
  afterBurstSeconds: number;
  /** 0: a spike is reported at its first window over the threshold; otherwise followed this long to its peak. */
  peakSeconds: number;
}

export interface HighlightSettings {
  channelId: string;
  rule: SpikeRule;
  custom: boolean;
  /** Whether subscribers other than the broadcaster may auto-clip the channel. */
  othersMayClip: boolean;
  /** Whether the channel's clips are in the public highlight feed. */
  publicClips: boolean;
  /** Whether anyone may read the channel's chat statistics, without a login. */
  publicStats: boolean;
  /** Whether the one asking is the broadcaster, who alone changes the rule and the choices above. */
  editable: boolean;
  /** Whether the one asking auto-clips the channel with their own Twitch account. */
  autoClip: boolean;
  /** Why the one asking cannot auto-clip it; null when they can. */
  cannotAutoClip: string | null;
  autoClippers: number;
  /** Why Twitch refused the channel's clips, while its auto-clipping is paused. */
  paused: { reason: string; since: string } | null;
}

/** A clip of the public highlight feed, as `GET /v1.0/clip` answers (the original API's names). */
export interface PublicClip {
  id: string;
  clip_id: string;
  broadcaster_id: string;
  streamer_login: string | null;
  embed_url: string;
  thumbnail_url: string;
  detected_at: string;
  created_at: string;
  intensity: number | null;
  url: string;
  title: string;
  duration: number;
}

export interface PublicClipPage {
  clips: PublicClip[];
  count: number;
  total_count: number;
  has_more: boolean;
  query: { min_intensity: number; limit: number; offset: number };
}

/** The feed's address for a filter and page. */
export function feedPath(minIntensity: number, offset: number, limit: number): string {
  return `/v1.0/clip?min_intensity=${minIntensity}&limit=${limit}&offset=${offset}`;
}

/** Which clips of the feed a page shows, as "25–48 of 60". */
export function feedRange(page: PublicClipPage): string {
  if (page.count === 0) return `none of ${page.total_count}`;
  return `${page.query.offset + 1}–${page.query.offset + page.count} of ${page.total_count}`;
}

/** Who auto-clips a channel, in a sentence for its subscribers. */
export function autoClippingSummary(settings: HighlightSettings): string {
  const others = settings.autoClippers - (settings.autoClip ? 1 : 0);
  const who = settings.autoClip
    ? (others === 0 ? 'You auto-clip this channel' : `You and ${others} other subscriber${others === 1 ? '' : 's'} `
      + 'auto-clip this channel')
    : (others === 0 ? 'Nobody auto-clips this channel' : `${others} subscriber${others === 1 ? '' : 's'} `
      + `auto-clip${others === 1 ? 's' : ''} this channel`);
  return settings.autoClippers === 0 ? `${who}.` : `${who}: each spike makes one clip, with the broadcaster's `
    + 'Twitch account when they auto-clip, otherwise with the first auto-clipper\'s, and the next one\'s when '
    + 'Twitch refuses.';
}

export interface FullSpike extends ChatSpike {
  baselineStdDev: number;
  baselineWindows: number;
  /** How far the window stood out, in the baseline's per-second spread; null for spikes from before it was measured. */
  intensity: number | null;
}

export interface TwitchClip {
  id: string;
  url: string;
  embedUrl: string;
  thumbnailUrl: string;
  title: string;
  durationSeconds: number;
  createdAt: string;
}

export interface Clip {
  clipId: string;
  channelId: string;
  status: 'REQUESTED' | 'CREATED' | 'FAILED';
  spike: FullSpike;
  clip: TwitchClip | null;
  failure: string | null;
  attempts: number;
  requestedAt: string;
  updatedAt: string;
}

export interface SpikeBacktest {
  rule: SpikeRule;
  from: string;
  to: string;
  messages: number;
  spikes: FullSpike[];
}

/** The rule's fields in the order the form shows them, with their labels and limits (as the API checks them). */
export const RULE_FIELDS: { key: keyof SpikeRule; label: string; min: number; max: number; step: number }[] = [
  { key: 'windowSeconds', label: 'Window (s)', min: 1, max: 60, step: 1 },
  { key: 'baselineWindows', label: 'Baseline windows', min: 10, max: 3600, step: 1 },
  { key: 'sigmas', label: 'Standard deviations', min: 0, max: 20, step: 0.1 },
  { key: 'minimumLift', label: 'Minimum lift (messages)', min: 1, max: 100000, step: 1 },
  { key: 'cooldownSeconds', label: 'Cooldown (s)', min: 0, max: 3600, step: 1 },
  { key: 'afterBurstSeconds', label: 'Quiet after raids and gift waves (s)', min: 0, max: 3600, step: 1 },
  { key: 'peakSeconds', label: 'Follow a spike to its peak (s, 0: report at once)', min: 0, max: 60, step: 1 },
];

function round(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

/** Why a spike fired, in one sentence: the window's count against the baseline it broke, and its intensity. */
export function whyItFired(spike: FullSpike): string {
  const seconds = Math.round((Date.parse(spike.windowEnd) - Date.parse(spike.windowStart)) / 1000);
  return `${spike.messages} messages in ${seconds} s, where ${round(spike.baselineMean)} ± `
    + `${round(spike.baselineStdDev)} were usual (the threshold was ${round(spike.threshold)})`
    + (spike.intensity === null || spike.intensity === undefined ? '' : `, intensity ${round(spike.intensity)}`);
}

/** Where a clip stands, for its card. */
export function clipStatus(clip: Clip): string {
  switch (clip.status) {
    case 'CREATED':
      return `Clipped after ${clip.attempts} attempt${clip.attempts === 1 ? '' : 's'}`;
    case 'FAILED':
      return `No clip: ${clip.failure ?? 'unknown reason'}`;
    default:
      return clip.failure ? `Being made (the last attempt met: ${clip.failure})` : 'Being made';
  }
}

/** The first field out of its limits, named as the form names it; null when the rule is fine. */
export function ruleProblem(rule: SpikeRule): string | null {
  for (const field of RULE_FIELDS) {
    const value = rule[field.key];
    if (!Number.isFinite(value) || value < field.min || value > field.max) {
      return `${field.label} must be between ${field.min} and ${field.max}`;
    }
  }
  return null;
}

/** A number of seconds as people say it: "45 s", "2 min", "1 h 30 min". */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h${minutes % 60 === 0 ? '' : ` ${minutes % 60} min`}`;
}

/**
 * How much chat the rule's baseline covers: its windows slide by a second, so the last window ends
 * `baselineWindows - 1` seconds after the first begins, `windowSeconds` later.
 */
export function baselineSeconds(rule: SpikeRule): number {
  return rule.baselineWindows + rule.windowSeconds - 1;
}

/** When a channel's spike detector began its current watch and finds spikes from; nulls while it heard no chat. */
export interface DetectorWarmUp {
  channelId: string;
  since: string | null;
  warmAt: string | null;
  warm: boolean;
}

/** How long the detector watches a channel's chat before it can find a spike: a window, its baseline, a window. */
export function warmUpSeconds(rule: SpikeRule): number {
  return rule.windowSeconds + baselineSeconds(rule);
}

/** What the detector's warm-up means for the person, at `now` (ms). */
export function warmUpNote(warmUp: DetectorWarmUp, rule: SpikeRule, now: number): string {
  const restarts = `A silence longer than ${duration(rule.baselineWindows)} starts its warm-up again.`;
  if (warmUp.since === null || warmUp.warmAt === null) {
    return `The detector has not heard this channel's chat yet: it finds spikes ${duration(warmUpSeconds(rule))} `
      + 'after the first message it hears.';
  }
  const warmAt = Date.parse(warmUp.warmAt);
  if (warmAt > now) {
    return `The detector is warming up: it finds spikes from ${new Date(warmAt).toLocaleTimeString()} (in `
      + `${duration(Math.ceil((warmAt - now) / 1000))}), as long as the chat goes on. ${restarts}`;
  }
  return `The detector is warm: it has watched this channel's chat since `
    + `${new Date(Date.parse(warmUp.since)).toLocaleString()} and finds spikes now. ${restarts}`;
}
