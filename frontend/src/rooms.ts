/** Chat rooms as their WebSocket tells them, and how the Chat rooms page keeps what it shows. */

export interface RoomMessage {
  messageId: string;
  room: string;
  /** The sender by a pseudonym of theirs in this room, never their account id. */
  sender: string;
  senderName: string;
  original: string;
  styled: string;
  style: string;
  stylist: string;
  fellBack: string | null;
  publishedAt: string;
}

export type RoomFrame =
  | {
    type: 'joined'; room: string; title: string; style: string; canSend: boolean; mode: 'sampled' | 'full';
    /** Present when the page came back: the messages are those said after this one, all of them. */
    since?: string; messages: RoomMessage[];
  }
  | { type: 'messages'; messages: RoomMessage[]; deleted: string[]; skipped: number; dropped: number }
  /** The page came back too late to get everything it missed: the last ten messages follow. */
  | { type: 'gap'; since: string; reason: string }
  | { type: 'too-slow'; reason: string; ticks: number }
  | { type: 'accepted'; clientId: string; messageId: string }
  | { type: 'refused'; clientId: string | null; reason: string };

export interface RoomState {
  title: string;
  canSend: boolean;
  messages: RoomMessage[];
  /** Messages of others left out because the room was busier than one can read. */
  skipped: number;
  /** Messages lost because this browser fell behind. */
  dropped: number;
  /** Why the last message this browser sent was refused. */
  refusal: string | null;
  /** Why messages said while this page was disconnected are missing, if some are. */
  missed: string | null;
}

/** How many messages the page keeps. */
export const KEPT = 200;

export const EMPTY_ROOM: RoomState = {
  title: '', canSend: false, messages: [], skipped: 0, dropped: 0, refusal: null, missed: null,
};

/** The messages after {@code added}, each once, without the deleted ones, the latest {@link KEPT}. */
function merged(messages: RoomMessage[], added: RoomMessage[], deleted: string[] = []): RoomMessage[] {
  const gone = new Set(deleted);
  const known = new Set(messages.map((message) => message.messageId));
  return [...messages, ...added.filter((message) => !known.has(message.messageId))]
    .filter((message) => !gone.has(message.messageId))
    .slice(-KEPT);
}

/** The address of a room's socket; after a reconnect, with the last message the page has. */
export function roomSocketUrl(origin: { protocol: string; host: string }, slug: string, lastSeen: string | null) {
  const scheme = origin.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${origin.host}/ws/rooms/${slug}${lastSeen ? `?since=${encodeURIComponent(lastSeen)}` : ''}`;
}

/** The room after a frame. */
export function applyFrame(state: RoomState, frame: RoomFrame): RoomState {
  switch (frame.type) {
    case 'joined':
      return frame.since
        ? { ...state, title: frame.title, canSend: frame.canSend, missed: null,
          messages: merged(state.messages, frame.messages) }
        : { ...EMPTY_ROOM, title: frame.title, canSend: frame.canSend, missed: state.missed,
          messages: frame.messages.slice(-KEPT) };
    case 'messages':
      return { ...state, messages: merged(state.messages, frame.messages, frame.deleted), skipped: frame.skipped,
        dropped: frame.dropped };
    case 'gap':
    case 'too-slow':
      return { ...state, missed: frame.reason };
    case 'accepted':
      return { ...state, refusal: null };
    case 'refused':
      return { ...state, refusal: frame.reason };
  }
}
