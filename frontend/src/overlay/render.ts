/** What the overlay shows, as pure functions: which records show, and how a message splits into text and emotes. */

export interface Emote {
  provider: 'TWITCH' | 'BTTV' | 'FFZ' | 'SEVENTV';
  emoteId: string;
  code: string;
  start: number;
  end: number;
  zeroWidth: boolean;
}

export interface Chatter {
  id: string | null;
  login: string | null;
  displayName: string | null;
  color: string | null;
  badges: { name: string; version: string }[];
}

export interface ChatRecord {
  kind: 'MESSAGE' | 'SUBSCRIPTION' | 'GIFT_SUBSCRIPTION' | 'RAID' | 'USER_CLEARED' | 'CHAT_CLEARED' | 'MESSAGE_DELETED';
  id: string;
  channelId: string;
  channelLogin: string;
  sourceChannelId: string | null;
  user: Chatter | null;
  text: string | null;
  emotes: Emote[];
  target: Chatter | null;
  targetMessageId: string | null;
  months: number | null;
  viewers: number | null;
  sentAt: string;
}

export interface Settings {
  theme: string;
  template: string;
  css: string;
  fadeSeconds: number;
  maxLines: number;
  hideBots: boolean;
  hideCommands: boolean;
  delaySeconds: number;
}

export type Segment = { kind: 'text'; text: string } | { kind: 'emote'; emote: Emote; stacked: Emote[] };

/** Chat bots whose lines most streamers hide. */
export const BOTS = new Set(['nightbot', 'streamelements', 'moobot', 'fossabot', 'streamlabs', 'wizebot', 'soundalerts']);

export function visible(record: ChatRecord, settings: Settings): boolean {
  if (settings.hideBots && record.user?.login && BOTS.has(record.user.login)) return false;
  if (settings.hideCommands && record.kind === 'MESSAGE' && record.text?.startsWith('!')) return false;
  return true;
}

/**
 * Splits a message into text and emotes. Positions count code points, as Twitch's do; a zero-width emote stacks on
 * the emote just before it (with only a space between them).
 */
export function segments(text: string, emotes: Emote[]): Segment[] {
  const points = Array.from(text);
  const sorted = [...emotes].sort((a, b) => a.start - b.start);
  const result: Segment[] = [];
  let at = 0;
  for (const emote of sorted) {
    if (emote.start < at || emote.end >= points.length || emote.end < emote.start) continue;
    const between = points.slice(at, emote.start).join('');
    const previous = result[result.length - 1];
    if (emote.zeroWidth && previous?.kind === 'emote' && between.trim() === '') {
      previous.stacked.push(emote);
    } else {
      if (between) result.push({ kind: 'text', text: between });
      result.push({ kind: 'emote', emote, stacked: [] });
    }
    at = emote.end + 1;
  }
  const rest = points.slice(at).join('');
  if (rest) result.push({ kind: 'text', text: rest });
  return result;
}

export function emoteUrl(templates: Record<string, string>, emote: Emote): string {
  return (templates[emote.provider] ?? '').replace('{id}', encodeURIComponent(emote.emoteId));
}

/** The line an event shows when it has no text of its own. */
export function eventLine(record: ChatRecord): string | null {
  const who = record.user?.displayName ?? record.user?.login ?? 'Someone';
  switch (record.kind) {
    case 'SUBSCRIPTION':
      return record.months && record.months > 1 ? `${who} subscribed for ${record.months} months` : `${who} subscribed`;
    case 'GIFT_SUBSCRIPTION':
      return `${who} gifted a sub to ${record.target?.displayName ?? record.target?.login ?? 'someone'}`;
    case 'RAID':
      return `${who} is raiding with ${record.viewers ?? 0} viewers`;
    default:
      return null;
  }
}

/** Colours come from chatters: only plain hex colours reach a style. */
export function safeColor(color: string | null): string | null {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : null;
}
