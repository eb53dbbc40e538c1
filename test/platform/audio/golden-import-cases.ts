import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIBRIVOX_DIR } from '../../support/speech.js';
import { concat, harmonicTone, mix, silence, speechBurst, whiteNoise } from './synth.js';
import { encodeWav, oddListChunk } from './wav-forge.js';
import { resample } from '../../../src/platform/audio/resample.js';

/**
 * WAV files covering every path of the import (rates above and below 16 kHz and equal to it, 1-3 channels, integer
 * and float samples, extensible headers, chunks around the data, a file shorter than one analysis frame, and real
 * speech), for the golden test of the import pipeline. Every file is computed here, so the goldens never depend on a
 * tool's version.
 */
export interface GoldenCase {
  name: string;
  wav: Buffer;
}

/** Phrases at several pitches with pauses of 0.4-2.6 s over quiet noise: what a rehearsal looks like to the meters. */
function rehearsal(seconds: number, sampleRate: number): Float32Array {
  const parts: Float32Array[] = [silence(600, sampleRate)];
  let totalMs = 600;
  for (let index = 0; totalMs < seconds * 1000; index += 1) {
    const phraseMs = 900 + ((index * 733) % 2100);
    const gapMs = 400 + ((index * 389) % 2200);
    parts.push(speechBurst(phraseMs, { f0: 100 + ((index * 47) % 130), sampleRate }), silence(gapMs, sampleRate));
    totalMs += phraseMs + gapMs;
  }
  const take = concat(...parts).subarray(0, Math.round(seconds * sampleRate));
  return mix(take, whiteNoise(seconds * 1000, -62, { sampleRate, seed: 3 }));
}

export function goldenImportCases(): GoldenCase[] {
  const take16 = rehearsal(14, 16_000);
  const take441 = resample(take16, 16_000, 44_100);
  const take48 = resample(take16, 16_000, 48_000);
  const take2205 = resample(rehearsal(9, 16_000), 16_000, 22_050);
  const take8 = resample(rehearsal(7, 16_000), 16_000, 8000);
  const take32 = resample(rehearsal(6, 16_000), 16_000, 32_000);
  const long441 = resample(rehearsal(75, 16_000), 16_000, 44_100);
  const loud = concat(silence(300), harmonicTone(180, 1500, { amplitude: 1 }), silence(200));
  return [
    { name: '44.1 kHz stereo PCM16 (channels differ)', wav: encodeWav([take441, take441.map((x) => x * 0.6)], 44_100, { encoding: 'pcm', bits: 16 }) },
    { name: '48 kHz mono float32, LIST chunk before the data', wav: encodeWav([take48], 48_000, { encoding: 'float', bits: 32 }, { before: [oddListChunk()] }) },
    { name: '22.05 kHz mono 24-bit extensible', wav: encodeWav([take2205], 22_050, { encoding: 'pcm', bits: 24, extensible: true }) },
    { name: '8 kHz mono 8-bit (upsampled)', wav: encodeWav([take8], 8000, { encoding: 'pcm', bits: 8 }) },
    { name: '32 kHz three channels 32-bit integer extensible', wav: encodeWav([take32, take32.map((x) => -x * 0.5), new Float32Array(take32.length)], 32_000, { encoding: 'pcm', bits: 32, extensible: true }) },
    { name: '16 kHz mono PCM16 (no resampling), chunk after the data', wav: encodeWav([take16], 16_000, { encoding: 'pcm', bits: 16 }, { after: [oddListChunk()] }) },
    { name: '44.1 kHz mono float64, 75 s', wav: encodeWav([long441], 44_100, { encoding: 'float', bits: 64 }) },
    { name: '16 kHz mono PCM16, clipping tone', wav: encodeWav([loud], 16_000, { encoding: 'pcm', bits: 16 }) },
    { name: '44.1 kHz mono PCM16, 7 ms (shorter than one frame)', wav: encodeWav([take441.subarray(20_000, 20_309)], 44_100, { encoding: 'pcm', bits: 16 }) },
    { name: '11.025 kHz mono PCM16, one sample', wav: encodeWav([Float32Array.of(0.25)], 11_025, { encoding: 'pcm', bits: 16 }) },
    { name: 'LibriVox clip (real speech, 16 kHz mono)', wav: readFileSync(join(LIBRIVOX_DIR, readFileSync(join(LIBRIVOX_DIR, 'transcription'), 'utf8').match(/\(([^)]+)\)/)![1]! + '.wav')) },
  ];
}
