import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overallScore, penaltiesFor, type ScoreFacts } from '../../../src/core/feedback/analyzer/score.js';
import { measureTimeMetrics } from '../../../src/core/feedback/analyzer/time-metrics.js';
import { topActions } from '../../../src/core/feedback/analyzer/top-actions.js';
import { wpmBandOf } from '../../../src/core/feedback/analyzer/wpm-band.js';
import { metricsAt } from '../../support/feedback-metrics.js';

const clean: ScoreFacts = {
  words: 300,
  fillers: 0,
  fillersPerMin: 0,
  wpm: 145,
  longPauses: 0,
  durationMs: 120_000,
  avgSentenceWords: 15,
  repeatedTerms: 0,
  targetDurationSec: null,
  delivery: null,
};

test('WPM bands: too_slow < 110, slow 110-129, ideal 130-160, fast 161-180, too_fast > 180', () => {
  const cases: [number, string][] = [
    [0, 'too_slow'], [109, 'too_slow'], [110, 'slow'], [129, 'slow'], [130, 'ideal'], [160, 'ideal'],
    [161, 'fast'], [180, 'fast'], [181, 'too_fast'], [400, 'too_fast'],
  ];
  for (const [wpm, band] of cases) assert.equal(wpmBandOf(wpm), band, String(wpm));
});

test('without timed words, WPM is judged over the whole run (the real duration), and there is no speaking-time pace', () => {
  const untimed = { fillers: 3, pauses: null, speech: null };
  assert.deepEqual(measureTimeMetrics({ ...untimed, words: 150, durationMs: 60_000 }), { wpm: 150, fillersPerMin: 3, wpmWholeRun: 150, wpmSpeakingTime: null, wpmBasis: 'whole_run' });
  assert.deepEqual(measureTimeMetrics({ ...untimed, words: 150, durationMs: null }), { wpm: null, fillersPerMin: null, wpmWholeRun: null, wpmSpeakingTime: null, wpmBasis: null });
  assert.deepEqual(measureTimeMetrics({ ...untimed, words: 7, fillers: 1, durationMs: 45_000 }), { wpm: 9, fillersPerMin: 1.3, wpmWholeRun: 9, wpmSpeakingTime: null, wpmBasis: 'whole_run' });
});

test('with timed words, WPM is judged from the first word to the last, short pauses in, long pauses and the edges out', () => {
  // Speech from 5 s to 65 s of a 70 s take: a 30 s pause (long) and a 1 s one (short) inside it, silence at both edges.
  const pauses = {
    pauses: [{ tStartMs: 0, tEndMs: 5000 }, { tStartMs: 10_000, tEndMs: 40_000 }, { tStartMs: 50_000, tEndMs: 51_000 }, { tStartMs: 65_000, tEndMs: 70_000 }],
    measuredOnAudio: true,
  };
  const take = { words: 150, fillers: 7, durationMs: 70_000, pauses, speech: { tStartMs: 5000, tEndMs: 65_000 } };
  // Judged: 150 words in 60 s − 30 s; speaking time: 60 s − 31 s; whole run: 70 s.
  assert.deepEqual(measureTimeMetrics(take), { wpm: 300, fillersPerMin: 6, wpmWholeRun: 129, wpmSpeakingTime: 310, wpmBasis: 'speech_span' });
  // Speech measured on the audio gives the speaking time when it covers half the span or more, never more than the judged time.
  assert.equal(measureTimeMetrics({ ...take, audioSpeakingTimeMs: 30_000 }).wpmSpeakingTime, 300);
  assert.equal(measureTimeMetrics({ ...take, audioSpeakingTimeMs: 40_000 }).wpmSpeakingTime, 300);
  assert.equal(measureTimeMetrics({ ...take, audioSpeakingTimeMs: 29_999 }).wpmSpeakingTime, 310);
  const detected = { ...take, pauses: { pauses: [], measuredOnAudio: true } };
  assert.equal(measureTimeMetrics({ ...detected, audioSpeakingTimeMs: 45_000 }).wpmSpeakingTime, 200);
  // A last word the recogniser ends after the recording is clipped to it.
  assert.equal(measureTimeMetrics({ ...detected, speech: { tStartMs: 10_000, tEndMs: 75_000 } }).wpm, 150);
});

test('a clean take scores 100 with no action', () => {
  const penalties = penaltiesFor(clean);
  assert.deepEqual(penalties, { fillers: 0, pace: 0, sentences: 0, repetition: 0, longPauses: 0, targetDuration: 0, monotone: 0, volume: 0 });
  assert.equal(overallScore(penalties), 100);
  assert.deepEqual(topActions(penalties, metricsAt(145)), []);
});

test('each penalty follows its documented formula and cap', () => {
  assert.equal(penaltiesFor({ ...clean, fillersPerMin: 3.3 }).fillers, 5.2); // 4 × 1.3
  assert.equal(penaltiesFor({ ...clean, fillersPerMin: 2 }).fillers, 0);
  assert.equal(penaltiesFor({ ...clean, fillersPerMin: 30 }).fillers, 25);
  assert.equal(penaltiesFor({ ...clean, fillersPerMin: null, fillers: 6, words: 200 }).fillers, 6); // 4 × (3 − 1.5)
  assert.equal(penaltiesFor({ ...clean, wpm: 170 }).pace, 5);
  assert.equal(penaltiesFor({ ...clean, wpm: 125 }).pace, 2.5);
  assert.equal(penaltiesFor({ ...clean, wpm: 300 }).pace, 20);
  assert.equal(penaltiesFor({ ...clean, wpm: null }).pace, 0);
  assert.equal(penaltiesFor({ ...clean, avgSentenceWords: 24 }).sentences, 6);
  assert.equal(penaltiesFor({ ...clean, avgSentenceWords: 60 }).sentences, 15);
  assert.equal(penaltiesFor({ ...clean, repeatedTerms: 2 }).repetition, 0);
  assert.equal(penaltiesFor({ ...clean, repeatedTerms: 5 }).repetition, 6);
  // 2 whole minutes: 2 long pauses allowed.
  assert.equal(penaltiesFor({ ...clean, longPauses: 2 }).longPauses, 0);
  assert.equal(penaltiesFor({ ...clean, longPauses: 4 }).longPauses, 6);
  assert.equal(penaltiesFor({ ...clean, longPauses: 40 }).longPauses, 15);
  assert.equal(penaltiesFor({ ...clean, longPauses: 2, durationMs: 30_000 }).longPauses, 3, 'at least one allowed');
  assert.equal(penaltiesFor({ ...clean, longPauses: null }).longPauses, 0);
  // 120 s against a target: within 20% is free, then 0.5 per percentage point.
  assert.equal(penaltiesFor({ ...clean, targetDurationSec: 100 }).targetDuration, 0); // 20% off
  assert.equal(penaltiesFor({ ...clean, targetDurationSec: 150 }).targetDuration, 0); // 20% off
  assert.equal(penaltiesFor({ ...clean, targetDurationSec: 90 }).targetDuration, 6.7); // 33.3% off
  assert.equal(penaltiesFor({ ...clean, targetDurationSec: 600 }).targetDuration, 15); // 80% off
  assert.equal(penaltiesFor({ ...clean, targetDurationSec: 90, durationMs: null }).targetDuration, 0);
});

test('the score sums tenths exactly, rounds halves up and never leaves 0-100', () => {
  const penalties = { fillers: 5.2, pace: 7.3, sentences: 0, repetition: 0, longPauses: 0, targetDuration: 0, monotone: 0, volume: 0 };
  assert.equal(overallScore(penalties), 88); // 100 − 12.5 = 87.5 → 88, not 87 from a float sum
  const worst = penaltiesFor({ ...clean, fillersPerMin: 99, wpm: 999, avgSentenceWords: 99, repeatedTerms: 5, longPauses: 99, targetDurationSec: 1 });
  assert.equal(overallScore(worst), 4);
});

test('top actions: at most two, largest penalty first, the issue order on ties, pace picks its direction', () => {
  const penalties = { fillers: 3, pace: 10, sentences: 3, repetition: 0, longPauses: 1, targetDuration: 0, monotone: 0, volume: 0 };
  assert.deepEqual(topActions(penalties, metricsAt(200)).map((action) => action.id), ['slow_down', 'reduce_fillers']);
  assert.deepEqual(topActions(penalties, metricsAt(90)).map((action) => action.id), ['speed_up', 'reduce_fillers']);
  const action = topActions(penalties, metricsAt(90))[0]!;
  assert.ok(action.title.en && action.title.fr && action.why.fr && action.how.en);
  action.title.en = 'edited';
  assert.notEqual(topActions(penalties, metricsAt(90))[0]!.title.en, 'edited', 'the catalogue is not shared with callers');
});
