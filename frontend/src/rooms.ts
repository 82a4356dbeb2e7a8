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
  | { type: 'joined'; room: string; title: string; style: string; canSend: boolean; messages: RoomMessage[] }
  | { type: 'messages'; messages: RoomMessage[]; deleted: string[]; skipped: number; dropped: number }
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
}

/** How many messages the page keeps. */
export const KEPT = 200;

export const EMPTY_ROOM: RoomState = {
  title: '', canSend: false, messages: [], skipped: 0, dropped: 0, refusal: null,
};

/** The room after a frame. */
export function applyFrame(state: RoomState, frame: RoomFrame): RoomState {
  switch (frame.type) {
    case 'joined':
      return { ...EMPTY_ROOM, title: frame.title, canSend: frame.canSend,
        messages: frame.messages.slice(-KEPT) };
    case 'messages': {
      const deleted = new Set(frame.deleted);
      const known = new Set(state.messages.map((message) => message.messageId));
      const kept = [...state.messages, ...frame.messages.filter((message) => !known.has(message.messageId))]
        .filter((message) => !deleted.has(message.messageId));
      return { ...state, messages: kept.slice(-KEPT), skipped: frame.skipped, dropped: frame.dropped };
    }
    case 'accepted':
      return { ...state, refusal: null };
    case 'refused':
      return { ...state, refusal: frame.reason };
  }
}
