import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeTranscript } from '../../../src/core/feedback/analyzer/index.js';

// A two-word filler is only the two words said together: punctuation between them, even with spaces around it, means
// the speaker did not say the filler. (Mutation testing found the "only spaces between" rule checked on one side only.)

function fillerBreakdown(text: string): Record<string, number> {
  const transcript = { schemaVersion: 1 as const, language: 'en' as const, durationMs: null, segments: [{ tStartMs: 0, tEndMs: 0, text }] };
  return analyzeTranscript({ transcript }).metrics.fillerBreakdown;
}

describe('two-word fillers', { timeout: 10_000 }, () => {
  test('"you — know" with a spaced dash between the words is not the filler "you know"', () => {
    assert.deepEqual(fillerBreakdown('I asked you — know what they said?'), {});
    assert.deepEqual(fillerBreakdown('I asked, you know, what they said.'), { 'you know': 1 });
  });
});
