import { TRIM_MIN_LENGTH_MS, TRIM_SUGGESTION_MARGIN_MS } from '../../contracts/trim-rules.js';
import { AppError } from '../../kernel/errors.js';
import type { FrameRange } from '../../platform/audio/convert-wav-file.js';
import type { StoredWavLength } from '../../platform/audio/stored-wav-length.js';
import type { TrimRange } from './types.js';

/**
 * Checks a requested trim against the recording and turns it into frames: inside the recording, ending after it
 * starts, at least TRIM_MIN_LENGTH_MS long, and cutting something. Each refusal has its own code; none writes anything.
 */
export function framesToKeep(range: TrimRange, length: StoredWavLength): FrameRange {
  const { startMs, endMs } = range;
  if (endMs > length.durationMs || startMs >= endMs) {
    throw new AppError('trim_range_invalid', `The part to keep must start before it ends, within the recording's ${length.durationMs} ms.`);
  }
  if (endMs - startMs < TRIM_MIN_LENGTH_MS) {
    throw new AppError('trim_too_short', `A trimmed recording must last at least ${TRIM_MIN_LENGTH_MS} ms.`);
  }
  if (startMs === 0 && endMs === length.durationMs) {
    throw new AppError('trim_nothing_to_trim', 'This range is the whole recording: there is nothing to trim.');
  }
  const frameAt = (ms: number) => Math.min(length.frames, Math.round((ms * length.sampleRate) / 1000));
  return { startFrame: frameAt(startMs), endFrame: frameAt(endMs) };
}

/**
 * The trim Lectern suggests: the silence before the first stretch of speech and after the last one goes, keeping
 * TRIM_SUGGESTION_MARGIN_MS of it on each side. Null when no speech was measured, when it would cut nothing, or when
 * what it keeps would be too short to trim to.
 */
export function suggestedTrim(speech: ReadonlyArray<{ tStartMs: number; tEndMs: number }>, durationMs: number): TrimRange | null {
  const first = speech[0];
  const last = speech.at(-1);
  if (!first || !last) return null;
  const startMs = Math.max(0, first.tStartMs - TRIM_SUGGESTION_MARGIN_MS);
  const endMs = Math.min(durationMs, last.tEndMs + TRIM_SUGGESTION_MARGIN_MS);
  if ((startMs === 0 && endMs === durationMs) || endMs - startMs < TRIM_MIN_LENGTH_MS) return null;
  return { startMs, endMs };
}
