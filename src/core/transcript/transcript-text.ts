import type { TranscriptV1 } from './types.js';

/** The spoken text: segment texts trimmed, blanks dropped, joined with one space. */
export function transcriptText(transcript: TranscriptV1): string {
  return transcript.segments
    .map((segment) => segment.text.trim())
    .filter((text) => text.length > 0)
    .join(' ');
}

/** The last time anything in the transcript ends, or null when it carries no timing at all. */
export function lastTimeMs(transcript: TranscriptV1): number | null {
  let last = 0;
  for (const segment of transcript.segments) {
    last = Math.max(last, segment.tEndMs);
    for (const word of segment.words ?? []) last = Math.max(last, word.tEndMs);
  }
  return last > 0 ? last : null;
}
