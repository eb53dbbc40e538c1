import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TranscriptV1 } from '../../../src/contracts/transcript.js';
import { analyzeTranscript } from '../../../src/core/feedback/analyzer/analyze-transcript.js';
import { compareText } from '../../../src/core/feedback/analyzer/compare-text.js';
import { resolveDurationMs } from '../../../src/core/feedback/analyzer/duration.js';
import { stripAffixes, termKey } from '../../../src/core/feedback/analyzer/term-key.js';
import { followsWithOnlySpace } from '../../../src/core/feedback/analyzer/token-context.js';
import { topActions } from '../../../src/core/feedback/analyzer/top-actions.js';
import { tokenize } from '../../../src/core/feedback/analyzer/tokenize.js';
import { joinTranscriptText } from '../../../src/core/feedback/analyzer/transcript-text.js';
import { assertThrowsCode } from '../../support/errors.js';

// The analyzer's small helpers, each on the inputs where a wrong line would change what the speaker reads.

function transcript(segments: TranscriptV1['segments'], durationMs: number | null = null): TranscriptV1 {
  return { schemaVersion: 1, language: 'en', durationMs, segments };
}

describe('analyzer helpers', { timeout: 10_000 }, () => {
  test('compareText orders by UTF-16 code units, the same on every machine', () => {
    assert.deepEqual([compareText('a', 'b'), compareText('b', 'a'), compareText('a', 'a')], [-1, 1, 0]);
    assert.deepEqual(['é', 'z', 'a', 'Z'].sort(compareText), ['Z', 'a', 'z', 'é']);
  });

  test('termKey strips French elisions only at the start of a word', () => {
    assert.equal(termKey("l'équipe", 'fr'), 'équipe');
    assert.equal(termKey("qu'elle", 'fr'), 'elle');
    assert.equal(termKey("aujourd'hui", 'fr'), "aujourd'hui");
    assert.equal(termKey("l'", 'fr'), "l'"); // nothing after the apostrophe: not an elision
  });

  test("termKey strips an English 's only at the end of a word", () => {
    assert.equal(termKey("team's", 'en'), 'team');
    assert.equal(termKey("o'sullivan", 'en'), "o'sullivan");
    assert.equal(termKey("l'équipe", 'en'), "l'équipe"); // French rules only for French
  });

  test('stripAffixes keeps the case of the word', () => {
    assert.equal(stripAffixes("l'API"), 'API');
    assert.equal(stripAffixes("API's"), 'API');
  });

  test('followsWithOnlySpace: one or more spaces, and nothing else, between two words', () => {
    const tokens = tokenize('one  two, three four');
    assert.deepEqual(
      tokens.map((_, index) => followsWithOnlySpace(tokens, index)),
      [false, true, false, true],
    );
  });

  test('joinTranscriptText trims each segment, drops blank ones and records where each lands', () => {
    const joined = joinTranscriptText(
      transcript([
        { tStartMs: 0, tEndMs: 900, text: '  Hello ' },
        { tStartMs: 900, tEndMs: 1000, text: '   ' },
        { tStartMs: 1000, tEndMs: 2000, text: 'world.' },
      ]),
    );
    assert.equal(joined.text, 'Hello world.');
    assert.deepEqual(joined.segmentSpans, [
      { segmentIndex: 0, start: 0, end: 5 },
      { segmentIndex: 2, start: 6, end: 12 },
    ]);
  });

  test('joinTranscriptText of blank segments only is empty text', () => {
    assert.deepEqual(joinTranscriptText(transcript([{ tStartMs: 0, tEndMs: 900, text: ' ' }])), { text: '', segmentSpans: [] });
  });

  test('the duration comes from the audio first, then the transcript, then the latest word or segment end', () => {
    const words = transcript([{ tStartMs: 0, tEndMs: 4000, text: 'a b', words: [{ tStartMs: 0, tEndMs: 2000, text: 'a' }, { tStartMs: 2000, tEndMs: 4600, text: 'b' }] }]);
    assert.equal(resolveDurationMs({ transcript: words, audioDurationMs: 9000.4 }), 9000);
    assert.equal(resolveDurationMs({ transcript: { ...words, durationMs: 7000 } }), 7000);
    assert.equal(resolveDurationMs({ transcript: words }), 4600); // a word ends after its segment's recorded end
  });

  test('a missing, zero, infinite or NaN duration falls through to the next source; none known is null', () => {
    const words = transcript([{ tStartMs: 0, tEndMs: 3000, text: 'a' }], 0);
    for (const audioDurationMs of [null, 0, Number.POSITIVE_INFINITY, Number.NaN, -5]) {
      assert.equal(resolveDurationMs({ transcript: words, audioDurationMs }), 3000, String(audioDurationMs));
    }
    assert.equal(resolveDurationMs({ transcript: transcript([{ tStartMs: 0, tEndMs: 0, text: 'typed' }]) }), null);
  });

  test('a transcript without a word is refused with a sentence the speaker can read', () => {
    const error = assertThrowsCode(() => analyzeTranscript({ transcript: transcript([{ tStartMs: 0, tEndMs: 0, text: ' … ' }]) }), 'transcript_empty');
    assert.equal(error.message, 'The transcript has no words to analyze.');
  });

  test('top actions: the two costliest, and on equal cost the earlier kind of the list', () => {
    const none = { fillers: 0, pace: 0, sentences: 0, repetition: 0, longPauses: 0, targetDuration: 0, monotone: 0, volume: 0 };
    const ids = (penalties: typeof none, wpm: number | null = 200) => topActions(penalties, wpm).map((action) => action.id);
    assert.deepEqual(ids({ ...none, longPauses: 6, repetition: 6, sentences: 6 }), ['shorten_sentences', 'vary_terms']);
    assert.deepEqual(ids({ ...none, fillers: 2, monotone: 9, pace: 4 }), ['vary_pitch', 'slow_down']);
    assert.deepEqual(ids({ ...none, pace: 4 }, 90), ['speed_up']);
    assert.deepEqual(ids(none), []);
  });
});
