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
  autoClip: boolean;
  rule: SpikeRule;
  custom: boolean;
  editable: boolean;
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
