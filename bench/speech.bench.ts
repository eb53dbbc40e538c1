/**
 * Benchmark of the speech pipeline, as real-time factors (processing time / audio duration; 0.01 = 100x faster than
 * real time), written to its section of docs/benchmarks.md:
 * - measureAudio (and the 44.1 kHz stereo -> 16 kHz mono conversion before it) on 60 s of synthetic speech-like audio;
 * - pocketsphinx transcription of about 60 s of real speech (the LibriVox clips, repeated), and the word error rate on
 *   the clips against their reference text.
 * One warm-up, then the median of the repetitions. It asserts nothing and exits 0 whatever the numbers.
 *
 * Usage: node --import tsx bench/speech.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PocketsphinxEngine } from '../src/platform/asr/pocketsphinx-engine.js';
import { wordErrorRate } from '../src/platform/asr/word-error-rate.js';
import { librivoxClips, pcm16MonoDurationMs } from '../test/support/speech.js';
import { writeReportSection } from './report-section.js';
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
const GOALS = { metrics: 1 / 50, transcription: 0.3 };

async function measureTranscription(): Promise<{ seconds: number; ms: number; wer: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-speech-bench-'));
  try {
    const clips = librivoxClips();
    const long = join(dir, 'long.wav');
    execFileSync('sox', [...Array.from({ length: 3 }, () => clips.map((c) => c.wavPath)).flat(), long]);
    const durationMs = pcm16MonoDurationMs(long);
    const engine = new PocketsphinxEngine();
    await engine.transcribe({ wavPath: clips[0]!.wavPath, language: 'en', durationMs: 3000 });
    const started = performance.now();
    await engine.transcribe({ wavPath: long, language: 'en', durationMs });
    const ms = performance.now() - started;
    let errors = 0;
    let words = 0;
    for (const clip of clips) {
      const { transcript } = await engine.transcribe({ wavPath: clip.wavPath, language: 'en', durationMs: pcm16MonoDurationMs(clip.wavPath) });
      errors += wordErrorRate(clip.words, transcript.segments.flatMap((s) => s.text.split(' ')).filter(Boolean)) * clip.words.length;
      words += clip.words.length;
    }
    return { seconds: durationMs / 1000, ms, wer: errors / words };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const transcription = await measureTranscription();
const factorOf = (ms: number, seconds: number) => ms / (seconds * 1000);
const lines = [
  ...rows.map((row) => ({ step: row.step, seconds: AUDIO_SECONDS, ms: row.ms, goal: row.step.startsWith('measureAudio') ? GOALS.metrics : null })),
  { step: 'pocketsphinx transcription', seconds: transcription.seconds, ms: transcription.ms, goal: GOALS.transcription },
];
for (const line of lines) {
  const factor = factorOf(line.ms, line.seconds);
  console.log(`${line.step.padEnd(30)} ${line.ms.toFixed(0).padStart(6)} ms for ${line.seconds.toFixed(1)} s   real-time factor ${factor.toFixed(4)}`);
}
console.log(`word error rate on the LibriVox clips: ${transcription.wer.toFixed(3)}`);

const verdict = (factor: number, goal: number | null) => (goal === null ? 'informative' : factor <= goal ? `met (goal <= ${goal.toFixed(3)})` : `NOT met (goal <= ${goal.toFixed(3)})`);
writeReportSection(
  new URL('../docs/benchmarks.md', import.meta.url),
  'speech',
  `## Speech: audio metrics and transcription

Generated by \`bench/speech.bench.ts\` on ${new Date().toISOString().slice(0, 10)}; reproduce with \`npm run bench\`.
Real-time factor = processing time / audio duration, median of ${REPETITIONS} runs after a warm-up (transcription: one
timed run after a warm-up). The audio for the metrics is ${AUDIO_SECONDS} s of synthetic speech-like audio; the
transcription runs on the LibriVox clips of Debian's \`pocketsphinx-testdata\` repeated to about a minute.

| Step | Audio | Time | Real-time factor | Goal |
|---|---|---|---|---|
${lines.map((l) => `| ${l.step} | ${l.seconds.toFixed(1)} s | ${l.ms.toFixed(0)} ms | ${factorOf(l.ms, l.seconds).toFixed(4)} | ${verdict(factorOf(l.ms, l.seconds), l.goal)} |`).join('\n')}

**Word error rate** of pocketsphinx (Debian's en-us model, no adaptation) on the 5 LibriVox clips against the package's
reference transcription: **${transcription.wer.toFixed(3)}** (substitutions, deletions and insertions over reference
words). The test \`test/core/transcription.test.ts\` runs the same clips through \`transcribe_audio\` and asserts at most
0.40. Script alignment (a grammar of the speaker's own words) is exact on synthetic speech: see the tests.
`,
);
console.log('Section written to docs/benchmarks.md');
