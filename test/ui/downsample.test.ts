import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { concatChunks, downsampleTo16k, TARGET_RATE } from '../../ui/src/recording/downsample';

function ramp(length: number): Float32Array {
  return Float32Array.from({ length }, (_, index) => index);
}

describe('recorded audio to 16 kHz', { timeout: 10_000 }, () => {
  test('concatChunks joins chunks in order, skipping empty ones', () => {
    const joined = concatChunks([Float32Array.of(1, 2), new Float32Array(0), Float32Array.of(3)]);
    assert.deepEqual([...joined], [1, 2, 3]);
  });

  test('concatChunks of nothing is an empty take', () => {
    assert.equal(concatChunks([]).length, 0);
  });

  test('audio already at 16 kHz is kept as it is', () => {
    const input = ramp(10);
    assert.equal(downsampleTo16k(input, TARGET_RATE), input);
  });

  test('48 kHz: each output sample is the mean of the three it covers', () => {
    assert.deepEqual([...downsampleTo16k(ramp(12), 48_000)], [1, 4, 7, 10]);
  });

  test('44.1 kHz: 441 samples become 160, each the mean of the 2 or 3 input samples it covers', () => {
    // Ratio 2.75625: output 0 covers inputs 0-1, output 1 covers 2-4, output 2 covers 5-7, output 159 covers 438-440.
    const output = downsampleTo16k(ramp(441), 44_100);
    assert.equal(output.length, 160);
    assert.deepEqual([output[0], output[1], output[2], output[159]], [0.5, 3, 6, 439]);
  });

  test('one second at 44.1 kHz is exactly one second at 16 kHz, and a steady level stays that level', () => {
    const output = downsampleTo16k(new Float32Array(44_100).fill(0.25), 44_100);
    assert.equal(output.length, 16_000);
    assert.ok(output.every((sample) => sample === 0.25));
  });

  test('8 kHz is interpolated linearly up to 16 kHz, the last sample held', () => {
    assert.deepEqual([...downsampleTo16k(Float32Array.of(0, 1, 0, -1), 8_000)], [0, 0.5, 1, 0.5, 0, -0.5, -1, -1]);
  });

  test('an empty take stays empty at any rate', () => {
    assert.equal(downsampleTo16k(new Float32Array(0), 44_100).length, 0);
    assert.equal(downsampleTo16k(new Float32Array(0), 8_000).length, 0);
  });
});
