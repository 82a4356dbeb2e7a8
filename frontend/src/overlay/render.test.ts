import { describe, expect, it } from 'vitest';
import { emoteUrl, eventLine, safeColor, segments, visible, type ChatRecord, type Emote, type Settings } from './render';

const kappa: Emote = { provider: 'TWITCH', emoteId: '25', code: 'Kappa', start: 2, end: 6, zeroWidth: false };
const catJam: Emote = { provider: 'SEVENTV', emoteId: '7c', code: 'catJAM', start: 8, end: 13, zeroWidth: false };
const rain: Emote = { provider: 'SEVENTV', emoteId: '7r', code: 'RainTime', start: 15, end: 22, zeroWidth: true };

const settings: Settings = {
  theme: 'classic', template: '', css: '', fadeSeconds: 30, maxLines: 15, hideBots: true, hideCommands: true,
  delaySeconds: 0,
};

function message(text: string, login = 'viewer'): ChatRecord {
  return {
    kind: 'MESSAGE', id: 'm', channelId: '1', channelLogin: 'c', sourceChannelId: null,
    user: { id: '2', login, displayName: login, color: null, badges: [] }, text, emotes: [], target: null,
    targetMessageId: null, months: null, viewers: null, sentAt: '',
  };
}

describe('segments', () => {
  it('places emotes by code point after an emoji and stacks zero-width ones', () => {
    expect(segments('😀 Kappa catJAM RainTime!', [rain, kappa, catJam])).toEqual([
      { kind: 'text', text: '😀 ' },
      { kind: 'emote', emote: kappa, stacked: [] },
      { kind: 'text', text: ' ' },
      { kind: 'emote', emote: catJam, stacked: [rain] },
      { kind: 'text', text: '!' },
    ]);
  });

  it('keeps markup as text and ignores emotes outside the text', () => {
    expect(segments('<img src=x onerror=alert(1)>', [{ ...kappa, start: 40, end: 44 }])).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});

describe('visible', () => {
  it('hides commands and bots when asked', () => {
    expect(visible(message('!discord'), settings)).toBe(false);
    expect(visible(message('hi', 'nightbot'), settings)).toBe(false);
    expect(visible(message('!discord'), { ...settings, hideCommands: false })).toBe(true);
    expect(visible(message('hello'), settings)).toBe(true);
  });
});

describe('helpers', () => {
  it('builds emote image URLs from templates', () => {
    expect(emoteUrl({ TWITCH: 'https://cdn/{id}/1' }, kappa)).toBe('https://cdn/25/1');
  });

  it('describes events and refuses colours that are not plain hex', () => {
    const raid = { ...message(''), kind: 'RAID' as const, text: null, viewers: 120 };
    expect(eventLine(raid)).toBe('viewer is raiding with 120 viewers');
    expect(safeColor('#FF69B4')).toBe('#FF69B4');
    expect(safeColor('red;background:url(x)')).toBeNull();
  });
});
