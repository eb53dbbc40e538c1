import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findMonotoneStretches } from '../../../src/core/feedback/analyzer/monotone-stretches.js';

// The "flat voice" comment at the edges of its rules: exactly one semitone, exactly 60 % voiced, four voiced points in
// a six-point window, the end of the 8 s window, and two flat passages apart. (Mutation testing found these unchecked.)

type Point = { tMs: number; hz: number | null };

/** `count` points every `stepMs` from `startMs`, the pitch of each from `hzAt(index)`. */
function track(startMs: number, stepMs: number, count: number, hzAt: (index: number) => number | null): Point[] {
  return Array.from({ length: count }, (_, index) => ({ tMs: startMs + index * stepMs, hz: hzAt(index) }));
}

/** 200 Hz and a pitch `semitones` higher, in turn: a spread (standard deviation) of half that. */
const alternating = (semitones: number) => (index: number) => (index % 2 === 0 ? 200 : 200 * 2 ** (semitones / 12));
const lively = alternating(6);

describe('flat stretches at the edges of the rules', { timeout: 10_000 }, () => {
  test('a spread of exactly one semitone is not flat', () => {
    // A point every 2 s: every window holds six points, three on each note, two semitones apart.
    assert.deepEqual(findMonotoneStretches(track(0, 2_000, 11, alternating(2))), []);
    assert.deepEqual(findMonotoneStretches(track(0, 2_000, 11, alternating(1.9))), [{ tStartMs: 0, tEndMs: 20_000 }]);
  });

  test('a window with exactly 60 % of its points voiced is judged', () => {
    // Ten points every 0.8 s; the window from 0 s has 6 of its 10 voiced, the one from 0.8 s 6 of 9.
    const points = track(0, 800, 10, (index) => (index < 7 && index % 2 === 0 ? null : 200));
    assert.deepEqual(findMonotoneStretches(points), [{ tStartMs: 0, tEndMs: 7_200 }]);
  });

  test('on a sparse track the window holds six points, and four voiced among them are enough, wherever the track starts', () => {
    // A point every 2 s from 100 s: 12 s windows of six points. The first holds four voiced points (102 s and 104 s
    // are silent), so the flat stretch starts at 100 s.
    const points = track(100_000, 2_000, 11, (index) => (index === 1 || index === 2 ? null : 200));
    assert.deepEqual(findMonotoneStretches(points), [{ tStartMs: 100_000, tEndMs: 120_000 }]);
  });

  test('the point exactly 8 s after a window starts is outside it', () => {
    // Flat from 0 to 7.5 s, lively from 8 s (a high note first): the window from 0 s is flat; every later one holds
    // the lively points.
    const points = track(0, 500, 25, (index) => (index < 16 ? 200 : lively(index + 1)));
    assert.deepEqual(findMonotoneStretches(points), [{ tStartMs: 0, tEndMs: 7_500 }]);
  });

  test('two flat passages with lively speech between them are two stretches', () => {
    const points = track(0, 500, 81, (index) => (index < 20 || index >= 60 ? 200 : lively(index)));
    const stretches = findMonotoneStretches(points);
    assert.equal(stretches.length, 2);
    assert.deepEqual(stretches.map((stretch) => stretch.tStartMs), [0, 30_000]);
  });
});
