import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { measureAudio } from '../../../src/platform/audio/audio-metrics.js';
import { TRACK_POINTS } from '../../../src/platform/audio/pitch-summary.js';
import { resample } from '../../../src/platform/audio/resample.js';
import { concat, harmonicTone, mix, silence, sine, speechBurst, whiteNoise } from './synth.js';

/** A tone with silence around it, as a take would have. */
function take(tone: Float32Array): Float32Array {
  return concat(silence(300), tone, silence(300));
}

function semitonesBetween(a: number, b: number): number {
  return Math.abs(12 * Math.log2(a / b));
}

describe('pitch', () => {
  for (const hz of [110, 220, 330]) {
    test(`a ${hz} Hz harmonic tone reads ${hz} Hz within 2%, flat, and monotone`, () => {
      const pitch = measureAudio(take(harmonicTone(hz, 2000))).pitch;
      assert.ok(pitch.medianHz !== null && Math.abs(pitch.medianHz - hz) / hz < 0.02, `median ${pitch.medianHz}`);
      assert.ok(pitch.variabilitySemitones !== null && pitch.variabilitySemitones < 0.2, `variability ${pitch.variabilitySemitones}`);
      assert.equal(pitch.monotone, true);
    });
  }

  test('pure sines at the edges of the range, 65 and 390 Hz, within 2%', () => {
    for (const hz of [65, 390]) {
      const pitch = measureAudio(take(sine(hz, 1500, { amplitude: 0.3 }))).pitch;
      assert.ok(pitch.medianHz !== null && Math.abs(pitch.medianHz - hz) / hz < 0.02, `${hz} Hz read as ${pitch.medianHz}`);
    }
  });

  test('a 200 Hz tone recorded at 44.1 kHz and measured at that rate reads 200 Hz within 2%', () => {
    const pitch = measureAudio(resample(take(harmonicTone(200, 2000)), 16_000, 44_100), 44_100).pitch;
    assert.ok(pitch.medianHz !== null && Math.abs(pitch.medianHz - 200) / 200 < 0.02, `median ${pitch.medianHz}`);
  });

  test('a 120 -> 240 Hz glide is not monotone; a flat 150 Hz tone is', () => {
    const glide = measureAudio(take(harmonicTone(120, 3000, { toHz: 240 }))).pitch;
    assert.equal(glide.monotone, false);
    assert.ok(glide.variabilitySemitones !== null && glide.variabilitySemitones > 3, `glide variability ${glide.variabilitySemitones}`);
    const flat = measureAudio(take(harmonicTone(150, 3000))).pitch;
    assert.equal(flat.monotone, true);
    assert.ok(flat.medianHz !== null && Math.abs(flat.medianHz - 150) / 150 < 0.02);
  });

  test('alternating-pitch speech-like bursts (120 and 200 Hz) are not monotone; the same bursts at one pitch are', () => {
    const phrases = (pitches: number[]) => concat(...pitches.flatMap((f0) => [speechBurst(600, { f0 }), silence(150)]));
    const lively = measureAudio(phrases([120, 200, 120, 200, 120, 200])).pitch;
    assert.equal(lively.monotone, false, `variability ${lively.variabilitySemitones}`);
    const flat = measureAudio(phrases([150, 150, 150, 150, 150, 150])).pitch;
    assert.equal(flat.monotone, true, `variability ${flat.variabilitySemitones}`);
  });

  test('a tone in noise at 20 dB SNR still reads within 2%', () => {
    const tone = take(harmonicTone(180, 2000, { amplitude: 0.3 }));
    const pitch = measureAudio(mix(tone, whiteNoise(2600, -30))).pitch;
    assert.ok(pitch.medianHz !== null && Math.abs(pitch.medianHz - 180) / 180 < 0.02, `median ${pitch.medianHz}`);
  });

  test('too little voiced audio (under 1 s), silence and noise give null, not a guess', () => {
    for (const samples of [take(harmonicTone(150, 600)), silence(3000), whiteNoise(3000, -20)]) {
      const pitch = measureAudio(samples).pitch;
      assert.deepEqual([pitch.medianHz, pitch.variabilitySemitones, pitch.monotone], [null, null, null]);
    }
  });

  test('the track: at most 200 points, in time order, null outside speech, on the tone inside it', () => {
    const samples = concat(silence(5000), harmonicTone(220, 20_000), silence(5000));
    const track = measureAudio(samples).pitch.track;
    assert.equal(track.length, TRACK_POINTS);
    assert.ok(track.every((point, index) => index === 0 || point.tMs > track[index - 1]!.tMs));
    for (const point of track) {
      if (point.tMs < 4800 || point.tMs > 25_200) assert.equal(point.hz, null, `silence at ${point.tMs} ms`);
      if (point.tMs > 5300 && point.tMs < 24_700) assert.ok(point.hz !== null && semitonesBetween(point.hz, 220) < 0.35, `${point.hz} at ${point.tMs}`);
    }
    const short = measureAudio(take(harmonicTone(220, 1200))).pitch.track;
    assert.ok(short.length <= TRACK_POINTS && short.length > 100, `${short.length} points for 1.8 s`);
  });
});
