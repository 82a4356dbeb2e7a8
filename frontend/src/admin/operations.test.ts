import { describe, expect, it } from 'vitest';
import { bytes, keeping, type TopicState } from './operations';

const topic = (compacted: boolean, retentionMs: number): TopicState => ({
  name: 'stagehand.chat.messages', partitions: 12, bytes: 0, compacted, retentionMs, declared: true,
});

describe('bytes', () => {
  it('says sizes the way people read them', () => {
    expect(bytes(0)).toBe('0 B');
    expect(bytes(999)).toBe('999 B');
    expect(bytes(12_345)).toBe('12.3 kB');
    expect(bytes(4_500_000_000)).toBe('4.5 GB');
  });
});

describe('keeping', () => {
  it('says how long a topic keeps its records', () => {
    expect(keeping(topic(true, 604_800_000))).toBe('latest per key (compacted)');
    expect(keeping(topic(false, 604_800_000))).toBe('7 days');
    expect(keeping(topic(false, 86_400_000))).toBe('1 day');
    expect(keeping(topic(false, 3_600_000))).toBe('1 h');
    expect(keeping(topic(false, -1))).toBe('for ever');
  });
});
