export type { TranscriptSegment, TranscriptV1, TranscriptWord } from '../../contracts/transcript.js';

export const TRANSCRIPT_FORMATS = ['txt', 'json', 'srt', 'vtt'] as const;
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number];

export interface TranscriptExport {
  fileName: string;
  mimeType: string;
  content: string;
}
