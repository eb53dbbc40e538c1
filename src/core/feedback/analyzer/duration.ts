import type { TranscriptV1 } from '../../../contracts/transcript.js';
import type { AnalyzerInput } from './analyzer-input.js';

/**
 * The real duration of the take, from the best source available, never an estimate:
 * 1. the audio's measured length; 2. the transcript's `durationMs` (also from the audio when it was recorded);
 * 3. the latest segment or word end. A missing, zero or invalid value falls through to the next source; when none is
 * known (typed text, every time 0) the result is null and every time-based metric is null.
 * The reference app used the quest's estimated length (180 s) or a 600 s default instead: that is what this fixes.
 */
export function resolveDurationMs(input: AnalyzerInput): number | null {
  const sources = [input.audioDurationMs, input.transcript.durationMs, latestTranscriptTime(input.transcript)];
  const known = sources.find(isPositiveFinite);
  return known === undefined ? null : Math.round(known);
}

function latestTranscriptTime(transcript: TranscriptV1): number {
  let latest = 0;
  for (const segment of transcript.segments) {
    latest = Math.max(latest, segment.tEndMs);
    for (const word of segment.words ?? []) latest = Math.max(latest, word.tEndMs);
  }
  return latest;
}

function isPositiveFinite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
