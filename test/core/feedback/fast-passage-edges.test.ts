import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findFastPassages } from '../../../src/core/feedback/analyzer/fast-passages.js';

// Where a "fast passage" comment starts and ends, at the edges of its rules: the 190 WPM line, the 15 s window, windows
// that merge, and the trimming to the fast speech. (Mutation testing found these edges unchecked.)

const unit = (tStartMs: number, tEndMs: number, words: number) => ({ tStartMs, tEndMs, words });

describe('fast passages at the edges', { timeout: 10_000 }, () => {
  test('exactly 190 words per minute is not fast', () => {
    // One 30 s segment of 95 words is judged on its own pace: 95 / 0.5 min = 190.
    assert.deepEqual(findFastPassages([unit(0, 30_000, 95)]), []);
    assert.deepEqual(findFastPassages([unit(0, 30_000, 96)]), [{ tStartMs: 0, tEndMs: 30_000, peakWpm: 192 }]);
  });

  test('a unit that ends exactly 15 s after the window starts is inside the window', () => {
    // 30 + 18 words over 15 s = 192 WPM; without the second unit the window would hold 120 WPM. (The passage is then
    // trimmed to the second unit, the only one fast on its own: 18 words in its 1 s.)
    assert.deepEqual(findFastPassages([unit(0, 1_000, 30), unit(14_000, 15_000, 18)]), [{ tStartMs: 14_000, tEndMs: 15_000, peakWpm: 192 }]);
  });

  test('two bursts far apart are two passages', () => {
    const passages = findFastPassages([unit(0, 1_000, 60), unit(60_000, 61_000, 60)]);
    assert.deepEqual(passages, [
      { tStartMs: 0, tEndMs: 1_000, peakWpm: 240 },
      { tStartMs: 60_000, tEndMs: 61_000, peakWpm: 240 },
    ]);
  });

  test('windows that share a single unit merge into one passage', () => {
    // The window from 0 s ends on the unit at 14 s, where the next fast window starts: one passage, 0 to 16 s.
    const passages = findFastPassages([unit(0, 1_000, 60), unit(14_000, 15_000, 1), unit(15_000, 16_000, 60)]);
    assert.deepEqual(passages, [{ tStartMs: 0, tEndMs: 16_000, peakWpm: 244 }]);
  });

  test('the passage is trimmed to units faster than 190 WPM: units at exactly 190 on either side are left out', () => {
    // 19 words over 6 s is 190 WPM; the middle unit says 30 words in 1 s.
    const passages = findFastPassages([unit(0, 6_000, 19), unit(6_000, 7_000, 30), unit(7_000, 13_000, 19)]);
    assert.deepEqual(passages, [{ tStartMs: 6_000, tEndMs: 7_000, peakWpm: 272 }]);
  });

  test('trimming keeps at least one unit, even when no unit is fast on its own', () => {
    // The window from 0 s holds 48 words in 15 s (192 WPM), but the first unit is one word over 14 s and the second
    // 47 words until the next starts 16 s later (176 WPM): the comment points at the unit that carried the words.
    const passages = findFastPassages([unit(0, 14_000, 1), unit(14_000, 15_000, 47), unit(30_000, 31_000, 1)]);
    assert.deepEqual(passages, [{ tStartMs: 14_000, tEndMs: 15_000, peakWpm: 192 }]);
  });

  test('fast speech at the very end of the take keeps its last word: the last unit is paced over its own length', () => {
    const slow = Array.from({ length: 20 }, (_, i) => unit(i * 1_000, i * 1_000 + 900, 1));
    const fast = Array.from({ length: 60 }, (_, i) => unit(20_000 + i * 250, 20_000 + i * 250 + 200, 1));
    const [passage] = findFastPassages([...slow, ...fast]);
    assert.equal(passage!.tEndMs, 20_000 + 59 * 250 + 200);
  });
});
