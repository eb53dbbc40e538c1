import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AudioMeter, measureAudio } from '../../../src/platform/audio/audio-metrics.js';
import { convertWavFile } from '../../../src/platform/audio/convert-wav-file.js';
import { resample, StreamingResampler } from '../../../src/platform/audio/resample.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { assertAudioError } from './assert-audio-error.js';
import { concat, mix, silence, speechBurst, whiteNoise } from './synth.js';
import { encodeWav, fmtChunk, riffWave, WAVE_FORMAT_PCM } from './wav-forge.js';

/** Piece sizes from a seeded generator (mulberry32): the same in every run. */
function pieces(length: number, seed: number, largest: number): number[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const sizes: number[] = [];
  for (let done = 0; done < length; ) {
    const size = Math.min(length - done, 1 + Math.floor(random() * largest));
    sizes.push(size);
    done += size;
  }
  return sizes;
}

function inPieces(signal: Float32Array, sizes: number[], take: (piece: Float32Array) => void): void {
  let at = 0;
  for (const size of sizes) {
    take(signal.subarray(at, at + size));
    at += size;
  }
}

const take = mix(concat(silence(400), speechBurst(1300, { f0: 120 }), silence(700), speechBurst(900, { f0: 210 }), silence(2300), speechBurst(600), silence(300)), whiteNoise(6500, -60));

describe('streaming audio steps', () => {
  test('AudioMeter fed in pieces of any size gives exactly the metrics of the whole signal', () => {
    const whole = measureAudio(take);
    for (const [seed, largest] of [[1, 7], [2, 333], [3, 20_000]] as const) {
      const meter = new AudioMeter(take.length, 16_000);
      inPieces(take, pieces(take.length, seed, largest), (piece) => meter.firstPass(piece));
      inPieces(take, pieces(take.length, seed + 10, largest), (piece) => meter.secondPass(piece));
      assert.deepEqual(meter.result(), whole, `pieces of at most ${largest} samples`);
    }
    const at44 = resample(take, 16_000, 44_100);
    const meter = new AudioMeter(at44.length, 44_100);
    inPieces(at44, pieces(at44.length, 5, 5000), (piece) => meter.firstPass(piece));
    inPieces(at44, pieces(at44.length, 6, 5000), (piece) => meter.secondPass(piece));
    assert.deepEqual(meter.result(), measureAudio(at44, 44_100), 'at 44.1 kHz too');
  });

  test('StreamingResampler fed in pieces returns exactly what resample returns for the whole signal', () => {
    for (const [from, to] of [[44_100, 16_000], [8000, 16_000], [16_000, 8000], [48_000, 16_000], [16_000, 16_000]] as const) {
      const input = resample(take, 16_000, from).subarray(0, 30_001);
      const resampler = new StreamingResampler(from, to);
      const outputs: Float32Array[] = [];
      inPieces(input, pieces(input.length, from + to, 2000), (piece) => outputs.push(resampler.push(piece)));
      outputs.push(resampler.finish());
      assert.deepEqual(concat(...outputs), resample(input, from, to), `${from} -> ${to}`);
    }
  });

  test('a file refused by the reader is refused the same way from disk, and no output is left', () => {
    const dir = makeTempDir();
    const wav = encodeWav([take.subarray(0, 16_000)], 16_000, { encoding: 'pcm', bits: 16 });
    const cases: Array<[string, Buffer, string]> = [
      ['not a WAV', Buffer.from('hello, this is not audio at all'), 'audio_format_unsupported'],
      ['cut inside the data', wav.subarray(0, wav.length - 101), 'audio_truncated'],
      ['an empty file', Buffer.alloc(0), 'audio_truncated'],
      ['mu-law', riffWave([fmtChunk({ tag: 7, channels: 1, sampleRate: 8000, bits: 8 }), { id: 'data', body: Buffer.alloc(100) }]), 'audio_format_unsupported'],
      ['no data chunk', riffWave([fmtChunk({ tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 8000, bits: 16 })]), 'audio_format_unsupported'],
    ];
    for (const [what, bytes, code] of cases) {
      const input = join(dir, `${what}.wav`);
      writeFileSync(input, bytes);
      const output = join(dir, `${what}.out.wav`);
      assertAudioError(() => convertWavFile(input, output), code as 'audio_format_unsupported');
      assert.equal(existsSync(output), false, `${what}: nothing written`);
    }
  });

  test('a conversion asked to stop stops with job_cancelled', () => {
    const dir = makeTempDir();
    const input = join(dir, 'in.wav');
    writeFileSync(input, encodeWav([take], 16_000, { encoding: 'pcm', bits: 16 }));
    let asked = 0;
    assert.throws(
      () => convertWavFile(input, join(dir, 'out.wav'), { chunkBytes: 8192, shouldStop: () => ++asked > 3 }),
      (error: { code?: string }) => error.code === 'job_cancelled',
    );
    assert.equal(asked, 4);
  });
});
