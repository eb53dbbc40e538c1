import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { timedComments } from '../../../src/core/feedback/analyzer/timed-comments.js';

// How loud each timed comment is, right at the thresholds the speaker is judged against, what its label says, and the
// order of comments that start at the same moment. (Mutation testing found these edges unchecked.)

const cluster = (tStartMs: number, tEndMs: number, count: number) => ({ tStartMs, tEndMs, labels: Array.from({ length: count }, () => 'um') });
const span = (tStartMs: number, tEndMs: number) => ({ tStartMs, tEndMs });
const none = { fillerClusters: [], longPauses: [], fastPassages: [] };

describe('timed comments at their thresholds', { timeout: 10_000 }, () => {
  test('six fillers in a cluster are critical, five a warning', () => {
    const [six, five] = timedComments({ ...none, fillerClusters: [cluster(0, 9_000, 6), cluster(20_000, 29_000, 5)] });
    assert.deepEqual([six!.severity, five!.severity], ['critical', 'warning']);
    assert.equal(six!.label.en, '6 fillers in 9 s: um ×6');
  });

  test('a silence of exactly 10 s is critical, of exactly 5 s a warning, just under 5 s a deliberate pause', () => {
    const comments = timedComments({ ...none, longPauses: [span(0, 10_000), span(20_000, 25_000), span(40_000, 44_999)] });
    assert.deepEqual(
      comments.map((comment) => [comment.severity, comment.label.en]),
      [
        ['critical', 'Silence of 10 s'],
        ['warning', 'Silence of 5 s'],
        ['info', 'Silence of 5 s'],
      ],
    );
    assert.match(comments[2]!.suggestion.en, /^A pause this long works for emphasis/);
    assert.match(comments[1]!.suggestion.en, /^A silence this long loses the audience/);
  });

  test('a fast passage peaking at exactly 220 words per minute is a warning; above that it is critical', () => {
    const comments = timedComments({ ...none, fastPassages: [{ ...span(0, 15_000), peakWpm: 220 }, { ...span(30_000, 45_000), peakWpm: 221 }] });
    assert.deepEqual(comments.map((comment) => comment.severity), ['warning', 'critical']);
  });

  test('a flat stretch later in the take is labelled with its own length', () => {
    const [comment] = timedComments({ ...none, monotoneStretches: [span(12_000, 20_500)] });
    assert.deepEqual(comment!.label, { en: 'Flat voice for 8.5 s', fr: 'Voix plate pendant 8,5 s' });
  });
});

describe('comments that start together', { timeout: 10_000 }, () => {
  test('the one that ends first comes first, whatever its kind or severity', () => {
    const comments = timedComments({ ...none, fillerClusters: [cluster(1_000, 5_000, 3)], longPauses: [span(1_000, 3_000)] });
    assert.deepEqual(comments.map((comment) => [comment.tEndMs, comment.severity]), [
      [3_000, 'info'],
      [5_000, 'warning'],
    ]);
  });

  test('over the same span, a pause is listed before a fast passage, even when the passage is more severe', () => {
    const comments = timedComments({ ...none, longPauses: [span(1_000, 7_000)], fastPassages: [{ ...span(1_000, 7_000), peakWpm: 230 }] });
    assert.deepEqual(comments.map((comment) => comment.label.en), ['Silence of 6 s', 'Fast passage: about 230 words per minute']);
  });
});
