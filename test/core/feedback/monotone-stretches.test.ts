import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findMonotoneStretches } from '../../../src/core/feedback/analyzer/monotone-stretches.js';

type Point = { tMs: number; hz: number | null };

/** Points every `stepMs` from 0 to `endMs` inclusive, the pitch of each from `hzAt(index)`. */
function track(endMs: number, stepMs: number, hzAt: (index: number) => number | null): Point[] {
  return Array.from({ length: endMs / stepMs + 1 }, (_, index) => ({ tMs: index * stepMs, hz: hzAt(index) }));
}

/** Alternates 200 Hz and a pitch `semitones` higher: the spread (standard deviation in semitones) is half of that. */
const alternating = (semitones: number) => (index: number) => (index % 2 === 0 ? 200 : 200 * 2 ** (semitones / 12));

describe('flat stretches of the voice', { timeout: 10_000 }, () => {
  test('no pitch track, or a single point, has no stretch', () => {
    assert.deepEqual(findMonotoneStretches([]), []);
    assert.deepEqual(findMonotoneStretches([{ tMs: 0, hz: 200 }]), []);
  });

  test('ten seconds on one note, every 0.5 s: one stretch over the whole take', () => {
    // 8 s windows while at least 6 s of track remain (starts 0 to 4 s); they overlap, so they merge: 0 to 10 s.
    assert.deepEqual(findMonotoneStretches(track(10_000, 500, () => 200)), [{ tStartMs: 0, tEndMs: 10_000 }]);
  });

  test('a take shorter than six seconds is too short to judge', () => {
    assert.deepEqual(findMonotoneStretches(track(5_500, 500, () => 200)), []);
    assert.deepEqual(findMonotoneStretches(track(6_000, 500, () => 200)), [{ tStartMs: 0, tEndMs: 6_000 }]);
  });

  test('a spread just under one semitone is flat; just over is not', () => {
    assert.deepEqual(findMonotoneStretches(track(10_000, 500, alternating(1.9))), [{ tStartMs: 0, tEndMs: 10_000 }]);
    assert.deepEqual(findMonotoneStretches(track(10_000, 500, alternating(2.1))), []);
  });

  test('a lively voice with silent (0 Hz) points is not flat: silence is not a pitch', () => {
    const withGaps = (index: number) => (index % 5 === 4 ? 0 : alternating(6)(index));
    assert.deepEqual(findMonotoneStretches(track(10_000, 500, withGaps)), []);
  });

  test('a window that is mostly unvoiced judges nothing, however flat its few voiced points', () => {
    // In each 8 s window (16 points) only every third point is voiced: at most 6, under the 60% needed.
    assert.deepEqual(findMonotoneStretches(track(10_000, 500, (index) => (index % 3 === 0 ? 200 : null))), []);
  });

  test('a flat passage inside a lively take is found where it is', () => {
    // Lively (6 semitones) until 10 s, one note from 10 s to 20 s, lively again until 30 s.
    const hz = (index: number) => (index >= 20 && index <= 40 ? 200 : alternating(6)(index));
    assert.deepEqual(findMonotoneStretches(track(30_000, 500, hz)), [{ tStartMs: 10_000, tEndMs: 20_000 }]);
  });

  test('on a long take with sparse points the window grows to hold six of them', () => {
    // Ten minutes at one point every 4 s: 8 s would hold two points; the window is 24 s (six points).
    const flatMinute = (index: number) => (index >= 30 && index <= 45 ? 250 : alternating(12)(index));
    assert.deepEqual(findMonotoneStretches(track(600_000, 4_000, flatMinute)), [{ tStartMs: 120_000, tEndMs: 180_000 }]);
  });
});
