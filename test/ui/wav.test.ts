import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readWav } from '../../src/platform/audio/wav-reader.js';
import { encodeWavPcm16 } from '../../ui/src/recording/wav';

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

describe('the take as a WAV file', { timeout: 10_000 }, () => {
  test('a 44-byte RIFF header describes 16-bit mono PCM at the given rate', async () => {
    const blob = encodeWavPcm16(Float32Array.of(0, 0.5, -0.5), 16_000);
    const bytes = await bytesOf(blob);
    const view = new DataView(bytes.buffer);
    assert.equal(blob.type, 'audio/wav');
    assert.equal(bytes.length, 44 + 6);
    assert.deepEqual(
      [ascii(bytes, 0, 4), view.getUint32(4, true), ascii(bytes, 8, 4), ascii(bytes, 12, 4), view.getUint32(16, true)],
      ['RIFF', 36 + 6, 'WAVE', 'fmt ', 16],
    );
    assert.deepEqual(
      [view.getUint16(20, true), view.getUint16(22, true), view.getUint32(24, true), view.getUint32(28, true), view.getUint16(32, true), view.getUint16(34, true)],
      [1, 1, 16_000, 32_000, 2, 16], // PCM, mono, rate, byte rate, block align, bits
    );
    assert.deepEqual([ascii(bytes, 36, 4), view.getUint32(40, true)], ['data', 6]);
  });

  test('samples are scaled to 16 bits (negative to -32768, positive to 32767) and clamped beyond full scale', async () => {
    const bytes = await bytesOf(encodeWavPcm16(Float32Array.of(0, 1, -1, 0.5, -0.5, 2, -2), 16_000));
    const view = new DataView(bytes.buffer, 44);
    const samples = Array.from({ length: 7 }, (_, index) => view.getInt16(index * 2, true));
    assert.deepEqual(samples, [0, 32_767, -32_768, 16_384, -16_384, 32_767, -32_768]); // 0.5 * 32767 = 16383.5 rounds up
  });

  test('an empty take is a header alone', async () => {
    const bytes = await bytesOf(encodeWavPcm16(new Float32Array(0), 16_000));
    const view = new DataView(bytes.buffer);
    assert.deepEqual([bytes.length, view.getUint32(4, true), view.getUint32(40, true)], [44, 36, 0]);
  });

  test("the server's WAV reader reads the take back: rate, one channel, every sample", async () => {
    const bytes = await bytesOf(encodeWavPcm16(Float32Array.of(0, 0.5, -0.5, -1), 16_000));
    const audio = readWav(bytes);
    assert.deepEqual([audio.sampleRate, audio.channels, audio.frames, audio.format.bitsPerSample], [16_000, 1, 4, 16]);
    assert.deepEqual([...(audio.samples[0] ?? [])], [0, 16_384 / 32_768, -16_384 / 32_768, -1]);
  });
});
