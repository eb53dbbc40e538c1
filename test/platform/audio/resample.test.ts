import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DecodedAudio } from '../../../src/platform/audio/decoded-audio.js';
import { resample } from '../../../src/platform/audio/resample.js';
import { toMono16k } from '../../../src/platform/audio/to-mono-16k.js';
import { concat, rmsDbfsOf, sine, sweep, upwardZeroCrossings } from './synth.js';

function monoAt(samples: Float32Array, sampleRate: number): DecodedAudio {
  return { sampleRate, channels: 1, frames: samples.length, samples: [samples], format: { bitsPerSample: 32, encoding: 'float' } };
}

/** The middle of a signal, away from the edges where the filter sees the silence outside. */
function middle(samples: ArrayLike<number>, edge: number): number[] {
  return Array.from(samples).slice(edge, samples.length - edge);
}

describe('resample', () => {
  for (const rate of [8000, 11_025, 22_050, 44_100, 48_000, 96_000]) {
    test(`a 1 kHz sine at ${rate} Hz stays 1 kHz at 16 kHz (zero crossings) with its level`, () => {
      const out = resample(sine(1000, 1000, { amplitude: 0.5, sampleRate: rate }), rate, 16_000);
      assert.equal(out.length, 16_000);
      assert.ok(Math.abs(upwardZeroCrossings(out) - 1000) <= 1, `${upwardZeroCrossings(out)} crossings in 1 s`);
      const level = rmsDbfsOf(middle(out, 400));
      assert.ok(Math.abs(level - rmsDbfsOf(sine(1000, 1000, { amplitude: 0.5 }))) < 0.05, `level ${level}`);
    });
  }

  test('a 10 kHz tone at 44.1 kHz does not alias into the 16 kHz band (below -30 dB; the design gives ~-80 dB)', () => {
    const tone = sine(10_000, 1000, { amplitude: 0.9, sampleRate: 44_100 });
    const out = resample(tone, 44_100, 16_000);
    const attenuation = rmsDbfsOf(middle(out, 400)) - rmsDbfsOf(tone);
    assert.ok(attenuation < -30, `10 kHz after resampling: ${attenuation.toFixed(1)} dB`);
    assert.ok(attenuation < -60, `the Kaiser design should reach far below: ${attenuation.toFixed(1)} dB`);
  });

  test('nothing between 8.5 and 22 kHz folds back: a sweep over that range stays below -60 dB', () => {
    const tones = sweep(8500, 21_000, 2000, { amplitude: 0.9, sampleRate: 44_100 });
    const attenuation = rmsDbfsOf(middle(resample(tones, 44_100, 16_000), 400)) - rmsDbfsOf(tones);
    assert.ok(attenuation < -60, `${attenuation.toFixed(1)} dB`);
  });

  test('the speech band passes flat: 100 Hz to 6 kHz within 0.1 dB', () => {
    for (const hz of [100, 1000, 3000, 6000]) {
      const tone = sine(hz, 500, { amplitude: 0.5, sampleRate: 48_000 });
      const change = rmsDbfsOf(middle(resample(tone, 48_000, 16_000), 400)) - rmsDbfsOf(middle(tone, 1200));
      assert.ok(Math.abs(change) < 0.1, `${hz} Hz changed by ${change.toFixed(3)} dB`);
    }
  });

  test('a constant stays constant (unity gain at DC in every polyphase branch)', () => {
    const out = resample(new Float32Array(44_100).fill(0.25), 44_100, 16_000);
    for (const value of middle(out, 400)) assert.ok(Math.abs(value - 0.25) < 1e-5, `${value}`);
  });

  test('the output covers the same duration: ceil(n * to / from) samples, for odd lengths and odd ratios', () => {
    assert.equal(resample(new Float32Array(44_101), 44_100, 16_000).length, Math.ceil((44_101 * 160) / 441));
    assert.equal(resample(new Float32Array(7), 8000, 16_000).length, 14);
    assert.equal(resample(new Float32Array(0), 48_000, 16_000).length, 0);
    assert.equal(resample(new Float32Array(1000), 44_099, 16_000).length, Math.ceil((1000 * 16_000) / 44_099));
  });

  test('equal rates copy, and a non-integer rate is a programming error', () => {
    const input = sine(440, 10);
    const copy = resample(input, 16_000, 16_000);
    assert.deepEqual(copy, input);
    assert.notEqual(copy, input);
    assert.throws(() => resample(input, 44_100.5, 16_000), RangeError);
  });
});

describe('toMono16k', () => {
  test('16 kHz mono PCM16 passes through with its exact codes', () => {
    const codes = Int16Array.from({ length: 1000 }, (_, n) => Math.round(20_000 * Math.sin(n / 7)));
    const audio = monoAt(Float32Array.from(codes, (code) => code / 32768), 16_000);
    assert.deepEqual(toMono16k(audio), codes);
  });

  test('channels are averaged: identical channels give the same signal, opposite ones cancel', () => {
    const left = sine(500, 200, { amplitude: 0.5 });
    const same = toMono16k({ ...monoAt(left, 16_000), channels: 2, samples: [left, left] });
    assert.deepEqual(same, toMono16k(monoAt(left, 16_000)));
    const opposite = toMono16k({ ...monoAt(left, 16_000), channels: 2, samples: [left, left.map((x) => -x)] });
    assert.ok(opposite.every((code) => code === 0));
    const quiet = toMono16k({ ...monoAt(left, 16_000), channels: 2, samples: [left, new Float32Array(left.length)] });
    assert.ok(Math.abs(rmsDbfsOf(quiet, 32768) - (rmsDbfsOf(left) - 6.02)) < 0.01, 'one silent channel halves the level');
  });

  test('a full-scale square wave clips at the int16 limits instead of wrapping around', () => {
    const square = concat(...Array.from({ length: 20 }, () => concat(new Float32Array(110).fill(1), new Float32Array(110).fill(-1))));
    const out = toMono16k(monoAt(square, 44_100));
    assert.equal(Math.max(...out), 32767);
    assert.equal(Math.min(...out), -32768);
    // Wrapping would put large values of the opposite sign inside each flat half.
    const flatTop = out.slice(20, 30);
    assert.ok(flatTop.every((code) => code > 30_000), `${[...flatTop]}`);
  });
});
