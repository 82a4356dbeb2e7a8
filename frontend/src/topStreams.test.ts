import { describe, expect, it } from 'vitest';
import { listOf } from './TopStreamsWatch';

describe('listOf', () => {
  it('reads entries separated by commas or spaces, ignoring empty ones', () => {
    expect(listOf(' 509658, 21779  33214,')).toEqual(['509658', '21779', '33214']);
    expect(listOf('')).toEqual([]);
  });
});
