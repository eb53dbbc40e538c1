import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readWav } from '../../../src/platform/audio/wav-reader.js';
import { writeWavPcm16 } from '../../../src/platform/audio/wav-writer.js';

describe('writeWavPcm16', () => {
  test('the canonical 44-byte header: RIFF, one 16-byte PCM fmt chunk, data', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768]);
    const wav = writeWavPcm16(samples, 16_000);
    assert.equal(wav.length, 44 + 10);
    assert.equal(wav.toString('latin1', 0, 4), 'RIFF');
    assert.equal(wav.readUInt32LE(4), 36 + 10);
    assert.equal(wav.toString('latin1', 8, 16), 'WAVEfmt ');
    assert.deepEqual(
      [wav.readUInt32LE(16), wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt32LE(28), wav.readUInt16LE(32), wav.readUInt16LE(34)],
      [16, 1, 1, 16_000, 32_000, 2, 16],
    );
    assert.equal(wav.toString('latin1', 36, 40), 'data');
    assert.equal(wav.readUInt32LE(40), 10);
    assert.deepEqual([0, 1, 2, 3, 4].map((index) => wav.readInt16LE(44 + 2 * index)), [0, 1, -1, 32767, -32768]);
  });

  test('round-trips through readWav with every code intact, an odd sample count included', () => {
    const samples = Int16Array.from({ length: 16_001 }, (_, n) => ((n * 7919) % 65536) - 32768);
    const audio = readWav(writeWavPcm16(samples, 16_000));
    assert.deepEqual([audio.sampleRate, audio.channels, audio.frames], [16_000, 1, 16_001]);
    assert.deepEqual(Int16Array.from(audio.samples[0]!, (value) => value * 32768), samples);
  });

  test('an empty recording is a valid header-only file; a bad rate is a programming error', () => {
    assert.equal(writeWavPcm16(new Int16Array(0), 16_000).length, 44);
    assert.throws(() => writeWavPcm16(new Int16Array(1), 0), RangeError);
    assert.throws(() => writeWavPcm16(new Int16Array(1), 16_000.5), RangeError);
  });
});
