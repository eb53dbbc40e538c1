import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { measureAudio, type AudioMetrics } from '../../../src/platform/audio/audio-metrics.js';
import { resample } from '../../../src/platform/audio/resample.js';
import type { Pause } from '../../../src/platform/audio/speech-segment.js';
import { concat, mix, silence, speechBurst, whiteNoise } from './synth.js';

const TOLERANCE_MS = 50;

/** A take as a list of parts; the truth (where speech is) follows from the lengths. */
type Part = { speechMs: number; f0?: number; dips?: Array<{ atMs: number; durationMs: number }> } | { silenceMs: number };

interface Take {
  samples: Float32Array;
  speech: Array<{ startMs: number; endMs: number }>;
  durationMs: number;
}

function buildTake(parts: Part[], options: { peakDbfs?: number } = {}): Take {
  const pieces: Float32Array[] = [];
  const speech: Take['speech'] = [];
  let at = 0;
  for (const part of parts) {
    if ('silenceMs' in part) {
      pieces.push(silence(part.silenceMs));
      at += part.silenceMs;
    } else {
      pieces.push(speechBurst(part.speechMs, { f0: part.f0 ?? 140, dips: part.dips ?? [], peakDbfs: options.peakDbfs ?? -6 }));
      speech.push({ startMs: at, endMs: at + part.speechMs });
      at += part.speechMs;
    }
  }
  return { samples: concat(...pieces), speech, durationMs: at };
}

/** 700 ms lead-in, pauses of 400 ms, 800 ms and 2.5 s, a 250 ms gap (not a pause), 1 s of trailing silence. */
const TAKE: Part[] = [
  { silenceMs: 700 },
  { speechMs: 1200 },
  { silenceMs: 400 },
  { speechMs: 900, f0: 180 },
  { silenceMs: 800 },
  // Two 100-120 ms drops to silence inside one phrase: the hangover must keep it whole.
  { speechMs: 1500, dips: [{ atMs: 500, durationMs: 100 }, { atMs: 1000, durationMs: 120 }] },
  { silenceMs: 2500 },
  { speechMs: 1000, f0: 120 },
  { silenceMs: 250 },
  { speechMs: 600 },
  { silenceMs: 1000 },
];
const TRUE_PAUSES = [
  { startMs: 1900, endMs: 2300, long: false },
  { startMs: 3200, endMs: 4000, long: false },
  { startMs: 5500, endMs: 8000, long: true },
];

function assertNear(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= TOLERANCE_MS, `${what}: ${actual} ms, truth ${expected} ms`);
}

function assertPausesMatchTruth(metrics: AudioMetrics): void {
  assert.equal(metrics.pauses.length, TRUE_PAUSES.length, `pauses found: ${JSON.stringify(metrics.pauses)}`);
  TRUE_PAUSES.forEach((truth, index) => {
    const found = metrics.pauses[index] as Pause;
    assertNear(found.tStartMs, truth.startMs, `pause ${index} start`);
    assertNear(found.tEndMs, truth.endMs, `pause ${index} end`);
    assertNear(found.durationMs, truth.endMs - truth.startMs, `pause ${index} duration`);
  });
  const longOnes = TRUE_PAUSES.filter((truth) => truth.long);
  assert.equal(metrics.longPauses.length, longOnes.length);
  longOnes.forEach((truth, index) => assertNear(metrics.longPauses[index]!.tStartMs, truth.startMs, 'long pause start'));
  assert.ok(metrics.longPauses.every((pause) => metrics.pauses.includes(pause)), 'long pauses are a subset of pauses');
}

describe('pauses and speech segments', () => {
  test('bursts with known gaps in digital silence: pauses within 50 ms, 2.5 s long, 400/800 ms short', () => {
    assertPausesMatchTruth(measureAudio(buildTake(TAKE).samples));
  });

  test('the same take over background noise at -55 dBFS finds the same pauses', () => {
    const take = buildTake(TAKE);
    assertPausesMatchTruth(measureAudio(mix(take.samples, whiteNoise(take.durationMs, -55))));
  });

  test('quiet speech (-40 dBFS peaks) over -70 dBFS noise still separates into the same pauses', () => {
    const take = buildTake(TAKE, { peakDbfs: -40 });
    assertPausesMatchTruth(measureAudio(mix(take.samples, whiteNoise(take.durationMs, -70, { seed: 7 }))));
  });

  test('a noise floor that rises by 22 dB between two takes is followed from its first frame', () => {
    // Take 1 over -70 dBFS noise, then a fan starts: 5 s of -48 dBFS noise alone, then take 2 over that noise.
    const take = buildTake(TAKE);
    const quietPart = mix(take.samples, whiteNoise(take.durationMs, -70, { seed: 3 }));
    const noisyPart = mix(concat(silence(5000), take.samples), whiteNoise(5000 + take.durationMs, -48, { seed: 4 }));
    const metrics = measureAudio(concat(quietPart, noisyPart));
    const offset = take.durationMs + 5000;
    const lastWord = take.speech[take.speech.length - 1]!.endMs;
    const expected = [
      ...TRUE_PAUSES.map((pause) => ({ start: pause.startMs, end: pause.endMs })),
      { start: lastWord, end: offset + take.speech[0]!.startMs }, // the wait while the fan runs: one long pause
      ...TRUE_PAUSES.map((pause) => ({ start: offset + pause.startMs, end: offset + pause.endMs })),
    ];
    assert.equal(metrics.pauses.length, expected.length, JSON.stringify(metrics.pauses));
    expected.forEach((truth, index) => {
      assertNear(metrics.pauses[index]!.tStartMs, truth.start, `pause ${index} start`);
      assertNear(metrics.pauses[index]!.tEndMs, truth.end, `pause ${index} end`);
    });
  });

  test('speech segments match the bursts; leading and trailing silence are no pauses; dips do not split a phrase', () => {
    const take = buildTake(TAKE);
    const metrics = measureAudio(take.samples);
    assert.equal(metrics.speechSegments.length, take.speech.length, JSON.stringify(metrics.speechSegments));
    take.speech.forEach((truth, index) => {
      assertNear(metrics.speechSegments[index]!.tStartMs, truth.startMs, `segment ${index} start`);
      assertNear(metrics.speechSegments[index]!.tEndMs, truth.endMs, `segment ${index} end`);
    });
    assert.ok(metrics.pauses.every((pause) => pause.tStartMs >= 700 && pause.tEndMs <= take.durationMs - 1000));
    assert.ok(!metrics.pauses.some((pause) => pause.durationMs < 300), 'the 250 ms gap is not a pause');
    const truthSpeaking = take.speech.reduce((sum, span) => sum + span.endMs - span.startMs, 0);
    assert.ok(Math.abs(metrics.speakingTimeMs - truthSpeaking) <= 100, `speaking ${metrics.speakingTimeMs} vs ${truthSpeaking}`);
    assert.equal(metrics.durationMs, take.durationMs);
  });

  test('speech from the first to the last sample: no pause and one segment spanning the take', () => {
    const metrics = measureAudio(speechBurst(3000));
    assert.deepEqual(metrics.speechSegments, [{ tStartMs: 0, tEndMs: 3000 }]);
    assert.deepEqual(metrics.pauses, []);
  });

  test('a click inside a long pause does not cut it in two', () => {
    const click = new Float32Array(16).fill(0.8);
    const samples = concat(speechBurst(1000), silence(1200), click, silence(1200), speechBurst(1000));
    const metrics = measureAudio(samples);
    assert.equal(metrics.pauses.length, 1, JSON.stringify(metrics.pauses));
    assertNear(metrics.pauses[0]!.durationMs, 2401, 'pause across the click');
    assert.equal(metrics.longPauses.length, 1);
  });

  test('silence only, and noise only: no speech, no pauses', () => {
    for (const samples of [silence(3000), whiteNoise(3000, -65)]) {
      const metrics = measureAudio(samples);
      assert.deepEqual([metrics.speechSegments, metrics.pauses, metrics.speakingTimeMs], [[], [], 0]);
    }
  });

  test('the same take at 44.1 kHz (measureAudio at its own rate) gives the same pauses', () => {
    const take = buildTake(TAKE);
    assertPausesMatchTruth(measureAudio(resample(take.samples, 16_000, 44_100), 44_100));
  });
});
