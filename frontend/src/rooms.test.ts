import { describe, expect, it } from 'vitest';
import { EMPTY_ROOM, KEPT, applyFrame, type RoomMessage } from './rooms';

function message(id: string): RoomMessage {
  return {
    messageId: id, room: 'pirate-cove', sender: 'p1', senderName: 'Sam', original: `hi ${id}`,
    styled: `Arr! hi ${id}`, style: 'Pirate', stylist: 'rules', fellBack: null, publishedAt: '2026-12-03T18:00:00Z',
  };
}

describe('applyFrame', () => {
  const joined = applyFrame(EMPTY_ROOM, {
    type: 'joined', room: 'pirate-cove', title: 'Pirate Cove', style: 'Pirate', canSend: false,
    messages: [message('m1'), message('m2')],
  });

  it('starts from what joining brings', () => {
    expect(joined.title).toBe('Pirate Cove');
    expect(joined.canSend).toBe(false);
    expect(joined.messages.map((one) => one.messageId)).toEqual(['m1', 'm2']);
  });

  it('adds new messages once, drops deleted ones, and keeps the counts', () => {
    const next = applyFrame(joined, {
      type: 'messages', messages: [message('m2'), message('m3')], deleted: ['m1'], skipped: 4, dropped: 1,
    });
    expect(next.messages.map((one) => one.messageId)).toEqual(['m2', 'm3']);
    expect(next.skipped).toBe(4);
    expect(next.dropped).toBe(1);
  });

  it('keeps the latest messages only', () => {
    const many = Array.from({ length: KEPT + 5 }, (_, i) => message(`x${i}`));
    const next = applyFrame(joined, { type: 'messages', messages: many, deleted: [], skipped: 0, dropped: 0 });
    expect(next.messages).toHaveLength(KEPT);
    expect(next.messages[KEPT - 1].messageId).toBe(`x${KEPT + 4}`);
  });

  it('remembers why a message was refused until one is accepted', () => {
    const refused = applyFrame(joined, { type: 'refused', clientId: 'c1', reason: 'Log in to send messages.' });
    expect(refused.refusal).toBe('Log in to send messages.');
    expect(applyFrame(refused, { type: 'accepted', clientId: 'c2', messageId: 'm9' }).refusal).toBeNull();
  });
});
