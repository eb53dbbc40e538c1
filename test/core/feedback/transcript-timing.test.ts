import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TranscriptV1 } from '../../../src/contracts/transcript.js';
import { analyzeTranscript } from '../../../src/core/feedback/analyzer/index.js';

// Which times the analyzer trusts for each word (the word's own, or its segment's), seen where the speaker sees it: the
// silences it reports. (Mutation testing found these cases unchecked.)

type Segment = TranscriptV1['segments'][number];

function silences(segments: Segment[]): [number, number][] {
  const feedback = analyzeTranscript({ transcript: { schemaVersion: 1, language: 'en', durationMs: null, segments } });
  return feedback.comments.filter((comment) => comment.label.en.startsWith('Silence')).map((comment) => [comment.tStartMs, comment.tEndMs]);
}

const word = (text: string, tStartMs: number, tEndMs: number) => ({ text, tStartMs, tEndMs });
/** One 10 s segment whose three words leave 7 s of silence after the second one. */
const timedWords = [word('Hello', 0, 500), word('there', 500, 1_000), word('all.', 8_000, 8_500)];

describe('the times behind each word', { timeout: 10_000 }, () => {
  test('segments listed out of time order: the silence between them is still found', () => {
    const segments = [
      { tStartMs: 9_000, tEndMs: 10_000, text: 'Bye now friends.' },
      { tStartMs: 0, tEndMs: 1_000, text: 'Hello there all.' },
    ];
    assert.deepEqual(silences(segments), [[1_000, 9_000]]);
  });

  test('a segment without a word ("…") is silence, not speech', () => {
    const segments = [
      { tStartMs: 0, tEndMs: 1_000, text: 'Hello there all.' },
      { tStartMs: 1_000, tEndMs: 9_000, text: '…' },
      { tStartMs: 9_000, tEndMs: 10_000, text: 'Bye now friends.' },
    ];
    assert.deepEqual(silences(segments), [[1_000, 9_000]]);
  });

  test('word times count even when the segment itself carries none', () => {
    assert.deepEqual(silences([{ tStartMs: 0, tEndMs: 0, text: 'Hello there all.', words: timedWords }]), [[1_000, 8_000]]);
  });

  test('one timed segment is enough for the transcript to be timed', () => {
    const feedback = analyzeTranscript({
      transcript: {
        schemaVersion: 1,
        language: 'en',
        durationMs: null,
        segments: [
          { tStartMs: 0, tEndMs: 0, text: 'Hello there all.' },
          { tStartMs: 0, tEndMs: 1_000, text: 'Bye now friends.' },
        ],
      },
    });
    assert.equal(feedback.metrics.pauses, 0, 'pauses are measured (0), not unknown (null)');
  });

  test('a word the recogniser left untimed does not throw away the times of the others', () => {
    const words = [word('Hello', 0, 0), word('there', 500, 1_000), word('all.', 8_000, 8_500)];
    assert.deepEqual(silences([{ tStartMs: 0, tEndMs: 10_000, text: 'Hello there all.', words }]), [[1_000, 8_000]]);
  });

  test('word times are used while the words spell the segment text', () => {
    assert.deepEqual(silences([{ tStartMs: 0, tEndMs: 10_000, text: 'Hello there all.', words: timedWords }]), [[1_000, 8_000]]);
  });

  test('once the speaker edited a word of the text, the segment times are used instead', () => {
    assert.deepEqual(silences([{ tStartMs: 0, tEndMs: 10_000, text: 'Hello where all.', words: timedWords }]), []);
  });

  test('once the speaker added a word to the text, the segment times are used instead', () => {
    assert.deepEqual(silences([{ tStartMs: 0, tEndMs: 10_000, text: 'Hello there all folks.', words: timedWords }]), []);
  });
});

describe('fillers and repeated terms', { timeout: 10_000 }, () => {
  test('a filler said again and again is counted as a filler, never as a repeated term', () => {
    const feedback = analyzeTranscript({
      transcript: { schemaVersion: 1, language: 'en', durationMs: null, segments: [{ tStartMs: 0, tEndMs: 0, text: 'Basically we ship. Basically we test. Basically we win.' }] },
    });
    assert.deepEqual(feedback.metrics.fillerBreakdown, { basically: 3 });
    assert.deepEqual(feedback.metrics.repeatedTerms, []);
  });
});
