import { AppError } from '../../kernel/errors.js';
import { lastTimeMs } from './transcript-text.js';
import type { TranscriptSegment, TranscriptV1 } from './types.js';

/**
 * A transcript edited as plain text (one line per segment) keeps the timing of the original: each edited line takes
 * the time span of a proportional share of the original segments, so that seeking still lands near the right place.
 * Words are dropped (their timings no longer match the text). When the original has no timing, lines share the
 * duration equally, or stay untimed when no duration is known.
 */
export function retimeEditedText(original: TranscriptV1, editedText: string): TranscriptV1 {
  const lines = editedText
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length === 0) throw new AppError('transcript_empty', 'The edited transcript has no text.');
  const duration = original.durationMs ?? lastTimeMs(original);
  const timed = original.segments.filter((segment) => segment.tEndMs > segment.tStartMs);
  const segments =
    timed.length > 0 ? spreadOverSegments(lines, timed, duration!) : duration ? equalSlices(lines, duration) : untimed(lines);
  return { schemaVersion: 1, language: original.language, durationMs: original.durationMs, segments };
}

function spreadOverSegments(lines: string[], source: TranscriptSegment[], duration: number): TranscriptSegment[] {
  const result: TranscriptSegment[] = [];
  let previousEnd = 0;
  lines.forEach((text, index) => {
    const first = Math.floor((index * source.length) / lines.length);
    const last = Math.max(first, Math.floor(((index + 1) * source.length) / lines.length) - 1);
    const tStartMs = Math.min(Math.max(source[first]!.tStartMs, previousEnd), duration);
    const tEndMs = Math.min(Math.max(source[last]!.tEndMs, tStartMs + 1), Math.max(duration, tStartMs + 1));
    result.push({ tStartMs, tEndMs, text });
    previousEnd = tEndMs;
  });
  return result;
}

function equalSlices(lines: string[], duration: number): TranscriptSegment[] {
  const slice = duration / lines.length;
  return lines.map((text, index) => ({
    tStartMs: Math.round(index * slice),
    tEndMs: Math.max(Math.round((index + 1) * slice), Math.round(index * slice) + 1),
    text,
  }));
}

function untimed(lines: string[]): TranscriptSegment[] {
  return lines.map((text) => ({ tStartMs: 0, tEndMs: 0, text }));
}
