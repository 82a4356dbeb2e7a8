import { describe, expect, it } from 'vitest';
import { EMPTY_ROOM, KEPT, applyFrame, roomSocketUrl, type RoomMessage } from './rooms';

function message(id: string): RoomMessage {
  return {
    messageId: id, room: 'pirate-cove', sender: 'p1', senderName: 'Sam', original: `hi ${id}`,
    styled: `Arr! hi ${id}`, style: 'Pirate', stylist: 'rules', fellBack: null, publishedAt: '2026-12-03T18:00:00Z',
  };
}

describe('applyFrame', () => {
  const joined = applyFrame(EMPTY_ROOM, {
    type: 'joined', room: 'pirate-cove', title: 'Pirate Cove', style: 'Pirate', canSend: false, mode: 'sampled',
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

  it('adds what was said while it was away after the messages it has, once', () => {
    const back = applyFrame(joined, {
      type: 'joined', room: 'pirate-cove', title: 'Pirate Cove', style: 'Pirate', canSend: true, mode: 'sampled',
      since: 'm2', messages: [message('m3'), message('m4')],
    });
    expect(back.messages.map((one) => one.messageId)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(back.canSend).toBe(true);
    expect(back.missed).toBeNull();
  });

  it('says why messages are missing when it came back too late, and shows the last ones', () => {
    const gap = applyFrame(joined, { type: 'gap', since: 'm2', reason: 'More than 1000 messages were said since m2.' });
    const late = applyFrame(gap, {
      type: 'joined', room: 'pirate-cove', title: 'Pirate Cove', style: 'Pirate', canSend: false, mode: 'sampled',
      messages: [message('m1500')],
    });
    expect(late.missed).toBe('More than 1000 messages were said since m2.');
    expect(late.messages.map((one) => one.messageId)).toEqual(['m1500']);
  });
});

describe('roomSocketUrl', () => {
  it('asks for what was missed after a reconnect', () => {
    expect(roomSocketUrl({ protocol: 'https:', host: 'stagehand.example' }, 'pirate-cove', null))
      .toBe('wss://stagehand.example/ws/rooms/pirate-cove');
    expect(roomSocketUrl({ protocol: 'http:', host: 'localhost:8080' }, 'pirate-cove', 'a-1'))
      .toBe('ws://localhost:8080/ws/rooms/pirate-cove?since=a-1');
  });
});
