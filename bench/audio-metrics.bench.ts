/**
 * Benchmark: measureAudio (and the 44.1 kHz stereo -> 16 kHz mono conversion before it) on 60 s of synthetic
 * speech-like audio, reported as a real-time factor: processing time / audio duration (0.01 = 100x faster than
 * real time). One warm-up, then the median of the repetitions. It asserts nothing and exits 0 whatever the numbers.
 *
 * Usage: node --import tsx bench/audio-metrics.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { measureAudio } from '../src/platform/audio/audio-metrics.js';
import { resample } from '../src/platform/audio/resample.js';
import { toMono16k } from '../src/platform/audio/to-mono-16k.js';
import { concat, mix, silence, speechBurst, whiteNoise } from '../test/platform/audio/synth.js';

const AUDIO_SECONDS = 60;
const REPETITIONS = 5;

/** Phrases of 0.8-3 s at pitches between 100 and 220 Hz, separated by 0.2-2.5 s, over -65 dBFS noise. */
function speechLikeTake(seconds: number): Float32Array {
  const parts: Float32Array[] = [silence(500)];
  let totalMs = 500;
  for (let index = 0; totalMs < seconds * 1000; index += 1) {
    const phraseMs = 800 + ((index * 733) % 2200);
    const gapMs = 200 + ((index * 389) % 2300);
    parts.push(speechBurst(phraseMs, { f0: 100 + ((index * 47) % 120) }), silence(gapMs));
    totalMs += phraseMs + gapMs;
  }
  const take = concat(...parts).subarray(0, seconds * 16_000);
  return mix(take, whiteNoise(seconds * 1000, -65));
}

function medianMs(work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const take16k = speechLikeTake(AUDIO_SECONDS);
const take44k = resample(take16k, 16_000, 44_100);
const stereo = {
  sampleRate: 44_100,
  channels: 2,
  frames: take44k.length,
  samples: [take44k, take44k],
  format: { bitsPerSample: 16, encoding: 'pcm' as const },
};

const rows = [
  { step: 'toMono16k (44.1 kHz stereo)', ms: medianMs(() => toMono16k(stereo)) },
  { step: 'measureAudio (16 kHz mono)', ms: medianMs(() => measureAudio(take16k)) },
];
console.log(`Audio: ${AUDIO_SECONDS} s of synthetic speech-like audio; median of ${REPETITIONS} runs after a warm-up.`);
for (const row of rows) {
  const factor = row.ms / (AUDIO_SECONDS * 1000);
  console.log(`${row.step.padEnd(30)} ${row.ms.toFixed(0).padStart(6)} ms   real-time factor ${factor.toFixed(4)} (${(1 / factor).toFixed(0)}x real time)`);
}
