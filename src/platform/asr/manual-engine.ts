import { AppError } from '../../kernel/errors.js';
import type { AsrAvailability, AsrEngine, AsrRequest, AsrResult } from './asr-engine.js';
import type { TimedWord } from './pocketsphinx-output.js';
import { wordsToTranscript } from './words-to-transcript.js';

/**
 * Typed or pasted text laid over the recording: its words are spread across the audio's speech segments in
 * proportion to their length (and evenly within each), so that pauses stay pauses and seeking lands close. Always
 * available, any language: nothing is recognized, only placed.
 */
export class ManualEngine implements AsrEngine {
  readonly id = 'manual' as const;

  availability(): AsrAvailability {
    return { engine: 'manual', available: true, languages: ['en', 'fr'], hint: null };
  }

  async transcribe(request: AsrRequest): Promise<AsrResult> {
    const words = (request.scriptText ?? '').split(/\s+/).filter((word) => word.length > 0);
    if (words.length === 0) throw new AppError('transcript_empty', 'Type or paste the text you said.');
    const speech = request.speechSegments?.length ? request.speechSegments : [{ tStartMs: 0, tEndMs: request.durationMs }];
    return { transcript: wordsToTranscript(placeWords(words, speech), request.language, request.durationMs), adherence: null };
  }
}

export function placeWords(words: readonly string[], speech: ReadonlyArray<{ tStartMs: number; tEndMs: number }>): TimedWord[] {
  const total = speech.reduce((sum, span) => sum + Math.max(1, span.tEndMs - span.tStartMs), 0);
  const placed: TimedWord[] = [];
  let next = 0;
  let lengthSoFar = 0;
  speech.forEach((span, index) => {
    const length = Math.max(1, span.tEndMs - span.tStartMs);
    lengthSoFar += length;
    // Cumulative rounding: each segment ends where its share of the whole speech ends, so words never bunch up.
    const end = index === speech.length - 1 ? words.length : Math.round((lengthSoFar / total) * words.length);
    const count = Math.max(0, Math.min(end, words.length) - next);
    for (let k = 0; k < count; k += 1) {
      const start = span.tStartMs + Math.floor((k * length) / count);
      const end = span.tStartMs + Math.floor(((k + 1) * length) / count);
      placed.push({ text: words[next + k]!, tStartMs: start, tEndMs: Math.max(start, end), confidence: 0 });
    }
    next += count;
  });
  return placed;
}
