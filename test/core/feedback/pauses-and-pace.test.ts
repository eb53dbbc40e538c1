import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findPauses, isLongPause } from '../../../src/core/feedback/analyzer/pauses.js';
import { measureTimeMetrics } from '../../../src/core/feedback/analyzer/time-metrics.js';

const unit = (tStartMs: number, tEndMs: number) => ({ tStartMs, tEndMs, words: 1 });

describe('pauses', { timeout: 10_000 }, () => {
  test('audio silences: invalid ones dropped, overlapping or touching ones merged, those under 300 ms ignored', () => {
    const findings = findPauses(
      [
        { tStartMs: 5000, tEndMs: 7000 },
        { tStartMs: 1000, tEndMs: 1300 }, // exactly 300 ms: a pause
        { tStartMs: 6500, tEndMs: 8000 }, // overlaps the one at 5 s: merged to 5-8 s
        { tStartMs: 3000, tEndMs: 3299 }, // 299 ms: a breath
        { tStartMs: 9000, tEndMs: 8000 }, // reversed
        { tStartMs: Number.NaN, tEndMs: 100 },
        { tStartMs: -50, tEndMs: 400 }, // starts before the recording: from 0
        { tStartMs: 10_000, tEndMs: 10_200 },
        { tStartMs: 10_200, tEndMs: 10_400 }, // touches the previous one: together 400 ms
      ],
      null,
    );
    assert.deepEqual(findings, {
      measuredOnAudio: true,
      pauses: [
        { tStartMs: 0, tEndMs: 400 },
        { tStartMs: 1000, tEndMs: 1300 },
        { tStartMs: 5000, tEndMs: 8000 },
        { tStartMs: 10_000, tEndMs: 10_400 },
      ],
    });
  });

  test('an empty list of audio silences means the audio had none (word gaps are not used then)', () => {
    assert.deepEqual(findPauses([], [unit(0, 100), unit(5000, 5100)]), { pauses: [], measuredOnAudio: true });
  });

  test('without audio, the gaps of 300 ms or more between words; overlapping words leave no gap', () => {
    const units = [unit(0, 500), unit(800, 1200), unit(1100, 1500), unit(1800, 2000), unit(2299, 2500)];
    assert.deepEqual(findPauses(null, units), {
      measuredOnAudio: false,
      pauses: [
        { tStartMs: 500, tEndMs: 800 },
        { tStartMs: 1500, tEndMs: 1800 },
      ],
    });
  });

  test('no timed words gives no pauses; no timing at all gives no findings', () => {
    assert.deepEqual(findPauses(null, []), { pauses: [], measuredOnAudio: false });
    assert.equal(findPauses(null, null), null);
  });

  test('a pause is long from 2 seconds', () => {
    assert.equal(isLongPause({ tStartMs: 1000, tEndMs: 3000 }), true);
    assert.equal(isLongPause({ tStartMs: 1000, tEndMs: 2999 }), false);
  });
});

describe('pace and filler rate', { timeout: 10_000 }, () => {
  const noPauses = { pauses: [], measuredOnAudio: true };
  const speech = { tStartMs: 0, tEndMs: 60_000 };

  test('without a known duration there is no pace and no filler rate', () => {
    assert.deepEqual(measureTimeMetrics({ words: 150, fillers: 3, durationMs: null, pauses: noPauses, speech, audioSpeakingTimeMs: 60_000 }), {
      wpm: null,
      fillersPerMin: null,
      wpmWholeRun: null,
      wpmSpeakingTime: null,
      wpmBasis: null,
    });
  });

  test('the silence at the edges of the take is left out of the judged pace, not out of the whole-run pace', () => {
    const take = { words: 150, fillers: 3, durationMs: 120_000, pauses: noPauses, speech: { tStartMs: 30_000, tEndMs: 90_000 } };
    assert.deepEqual(measureTimeMetrics(take), { wpm: 150, fillersPerMin: 1.5, wpmWholeRun: 75, wpmSpeakingTime: 150, wpmBasis: 'speech_span' });
  });

  test('long pauses are left out of the judged pace whatever measured them; every pause is left out of the speaking time', () => {
    const pauses = { measuredOnAudio: true, pauses: [{ tStartMs: 1000, tEndMs: 1500 }, { tStartMs: 6000, tEndMs: 8000 }] };
    // 30 words from 0 to 10 s: judged over 10 s − 2 s, speaking time 10 s − 2.5 s.
    const take = { words: 30, fillers: 0, durationMs: 10_000, pauses, speech: { tStartMs: 0, tEndMs: 10_000 } };
    assert.deepEqual(measureTimeMetrics(take), { wpm: 225, fillersPerMin: 0, wpmWholeRun: 180, wpmSpeakingTime: 240, wpmBasis: 'speech_span' });
    assert.equal(measureTimeMetrics({ ...take, pauses: { ...pauses, measuredOnAudio: false } }).wpm, 225);
  });

  test('a take that is silent from end to end has no pace rather than an infinite one', () => {
    const pauses = { measuredOnAudio: true, pauses: [{ tStartMs: 0, tEndMs: 10_000 }] };
    assert.deepEqual(measureTimeMetrics({ words: 0, fillers: 0, durationMs: 10_000, pauses, speech: null }), {
      wpm: null,
      fillersPerMin: 0,
      wpmWholeRun: 0,
      wpmSpeakingTime: null,
      wpmBasis: null,
    });
  });
});
