import type { TranscriptV1 } from '../../../contracts/transcript.js';
import { normalizeText } from './normalize-text.js';

/** Where one segment's text sits in the joined text (UTF-16 offsets, end exclusive). */
export interface SegmentSpan {
  segmentIndex: number;
  start: number;
  end: number;
}

export interface TranscriptText {
  text: string;
  segmentSpans: SegmentSpan[];
}

/**
 * The text the analyzer reads: each segment's text normalized and trimmed, blank segments dropped, joined with one
 * space. A segment boundary is not a sentence end (recognisers cut segments mid-sentence); punctuation decides.
 * Segment texts, not word texts, are the source of truth: they are what the speaker sees and edits.
 */
export function joinTranscriptText(transcript: TranscriptV1): TranscriptText {
  const segmentSpans: SegmentSpan[] = [];
  let text = '';
  transcript.segments.forEach((segment, segmentIndex) => {
    const segmentText = normalizeText(segment.text).trim();
    if (segmentText.length === 0) return;
    if (text.length > 0) text += ' ';
    segmentSpans.push({ segmentIndex, start: text.length, end: text.length + segmentText.length });
    text += segmentText;
  });
  return { text, segmentSpans };
}
