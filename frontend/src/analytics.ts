/** Chat statistics as the API serves them, and what the Analytics page draws from them. */

export interface TopEmote {
  provider: 'TWITCH' | 'BTTV' | 'FFZ' | 'SEVENTV';
  emoteId: string;
  code: string;
  count: number;
}

export interface TopChatter {
  login: string;
  count: number;
}

/** One window of a channel's chat. */
export interface ChatStats {
  channelId: string;
  windowSeconds: number;
  windowStart: string;
  windowEnd: string;
  messageCount: number;
  uniqueChatters: number;
  topEmotes: TopEmote[];
  topChatters: TopChatter[];
}

/** A window of `GET /api/channels/{id}/stats`: its times in epoch seconds. */
export interface StatsWindow {
  start: number;
  end: number;
  duration_seconds: number;
}

/**
 * `GET /api/channels/{id}/stats`, in the original stats API's contract: the ten-minute window now running, with the
 * running minute and the live stream beside it.
 */
export interface StatsNow {
  channel_id: string;
  channel_login: string;
  message_count: number;
  current_window: StatsWindow;
  last_updated: number;
  unique_chatters: number;
  top_emotes: TopEmote[];
  top_chatters: TopChatter[];
  messages_per_second: number;
  minute_window: { window: StatsWindow; message_count: number; unique_chatters: number };
  /** The live stream's chat so far (since `started_at`, epoch seconds); null while the channel is offline. */
  current_stream: { started_at: number; message_count: number; top_emotes: TopEmote[]; top_chatters: TopChatter[] } | null;
}

export interface ChatSpike {
  windowStart: string;
  windowEnd: string;
  messages: number;
  baselineMean: number;
  threshold: number;
}

/** A bar of the messages-per-minute chart: its minute, its height (0–1 of the busiest) and whether a spike fell in it. */
export interface Bar {
  start: string;
  messages: number;
  height: number;
  spike: boolean;
}

/** One bar per minute from `from` to `to` (empty minutes included), spikes marked in the minute their window ended. */
export function minuteBars(series: ChatStats[], spikes: ChatSpike[], from: Date, to: Date): Bar[] {
  const counts = new Map(series.map((window) => [Date.parse(window.windowStart), window.messageCount]));
  const spikeMinutes = new Set(spikes.map((spike) => Math.floor((Date.parse(spike.windowEnd) - 1) / 60000) * 60000));
  const first = Math.floor(from.getTime() / 60000) * 60000;
  const minutes: number[] = [];
  for (let minute = first; minute < to.getTime(); minute += 60000) minutes.push(minute);
  const busiest = Math.max(1, ...minutes.map((minute) => counts.get(minute) ?? 0));
  return minutes.map((minute) => {
    const messages = counts.get(minute) ?? 0;
    return { start: new Date(minute).toISOString(), messages, height: messages / busiest, spike: spikeMinutes.has(minute) };
  });
}

/** The image of an emote, from the deployment's URL templates; null for a provider it has none for. */
export function emoteImage(templates: Record<string, string> | undefined, emote: TopEmote): string | null {
  const template = templates?.[emote.provider];
  return template ? template.replace('{id}', encodeURIComponent(emote.emoteId)) : null;
}
