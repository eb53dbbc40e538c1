import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TranscriptV1 } from '../../ui/src/api/types/run';
import { transcriptToText } from '../../ui/src/record/transcript-text';

function transcript(...texts: string[]): TranscriptV1 {
  return {
    schemaVersion: 1,
    language: 'fr',
    durationMs: 9000,
    segments: texts.map((text, index) => ({ tStartMs: index * 1000, tEndMs: index * 1000 + 900, text })),
  };
}

describe('a transcript as editable text', { timeout: 10_000 }, () => {
  test('one trimmed segment per line, accents and punctuation kept', () => {
    assert.equal(transcriptToText(transcript('  Bonjour à tous. ', 'Ça va ? Très bien.')), 'Bonjour à tous.\nÇa va ? Très bien.');
  });

  test('blank segments leave no empty line', () => {
    assert.equal(transcriptToText(transcript('First.', '', '   ', 'Second.')), 'First.\nSecond.');
  });

  test('a transcript with no segment is empty text', () => {
    assert.equal(transcriptToText(transcript()), '');
  });
});
