import type { Locale } from '../../contracts/locale.js';
import type { AsrEngine } from '../../platform/asr/asr-engine.js';
import type { ReferenceClip } from '../../platform/asr/reference-clips.js';
import { scriptWords } from '../../platform/asr/script-words.js';
import { wordErrorRate } from '../../platform/asr/word-error-rate.js';
import { readWav } from '../../platform/audio/wav-reader.js';
import { readFileSync } from 'node:fs';

export interface AccuracyReport {
  engine: string;
  clips: number;
  referenceWords: number;
  /** Word error rate over all the clips' words (substitutions + deletions + insertions over reference words). */
  wordErrorRate: number;
  /** Processing time over audio duration. */
  realTimeFactor: number;
}

/**
 * Transcribes reference clips with an engine and compares with their reference text (both lowercased, punctuation
 * dropped, as script alignment reads words): what `lectern models bench` prints and the speech benchmark records.
 */
export async function measureAccuracy(engine: AsrEngine, clips: readonly ReferenceClip[], language: Locale = 'en'): Promise<AccuracyReport> {
  let errors = 0;
  let words = 0;
  let audioMs = 0;
  let workMs = 0;
  for (const clip of clips) {
    const audio = readWav(readFileSync(clip.wavPath));
    const durationMs = Math.round((audio.frames / audio.sampleRate) * 1000);
    const started = performance.now();
    const { transcript } = await engine.transcribe({ wavPath: clip.wavPath, language, durationMs });
    workMs += performance.now() - started;
    audioMs += durationMs;
    const reference = scriptWords(clip.words.join(' '));
    const hypothesis = scriptWords(transcript.segments.map((segment) => segment.text).join(' '));
    errors += wordErrorRate(reference, hypothesis) * reference.length;
    words += reference.length;
  }
  return { engine: engine.id, clips: clips.length, referenceWords: words, wordErrorRate: words === 0 ? 0 : errors / words, realTimeFactor: audioMs === 0 ? 0 : workMs / audioMs };
}
