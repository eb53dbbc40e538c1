import { readZipSafely } from '../../src/platform/zip/zip-reader.js';
import { writeZip } from '../../src/platform/zip/zip-writer.js';

/** A reviewer's timed comment, as review.json stores it. */
export interface TimedComment {
  t_ms: number;
  note: string;
}

/** What a reviewer sends back: the pack's files untouched, with review/review.json added (scores, words, comments). */
export function withReview(pack: Buffer, timestamps: TimedComment[]): Buffer {
  const review = {
    schema_version: '1.0.0',
    rubric_id: 'tech_talk_internal.v1',
    reviewer_tag: 'Margaret',
    scores: { clarity: 4, structure: 5, pacing: 2, audience_fit: 4, examples: 3 },
    free_text: { strengths: 'A clear opening story.', improvements: 'Slow down in the middle part.' },
    timestamps,
  };
  const entries = readZipSafely(pack).entries.map((entry) => ({ name: entry.name, data: entry.data, compress: true }));
  return writeZip([...entries, { name: 'review/review.json', data: Buffer.from(JSON.stringify(review), 'utf8'), compress: true }]);
}
