import type { TranscriptV1 } from '../api/types/run';

/** The transcript as editable text: one segment per line (transcript_edit_save reads it back the same way). */
export function transcriptToText(transcript: TranscriptV1): string {
  return transcript.segments
    .map((segment) => segment.text.trim())
    .filter((text) => text.length > 0)
    .join('\n');
}
