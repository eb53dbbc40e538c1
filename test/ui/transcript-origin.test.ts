import './support/page-document';
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { language } from '../../ui/src/i18n';
import { originText } from '../../ui/src/record/transcript-origin';

afterEach(() => {
  language.value = 'en';
});

describe('where a transcript came from, in words', { timeout: 10_000 }, () => {
  test('typed, corrected and imported transcripts say so', () => {
    assert.equal(originText({ source: 'typed', model: null }), 'Typed or pasted text.');
    assert.equal(originText({ source: 'edit', model: null }), 'Corrected by hand.');
    assert.equal(originText({ source: 'document', model: null }), 'Imported transcript.');
  });

  test('an engine is named, with its model when it has one', () => {
    assert.equal(originText({ source: 'pocketsphinx', model: null }), 'Transcribed by PocketSphinx (offline, English).');
    assert.equal(originText({ source: 'whisper_cpp', model: 'base' }), 'Transcribed by Whisper.cpp (base model).');
  });

  test('in French too', () => {
    language.value = 'fr';
    assert.equal(originText({ source: 'typed', model: null }), 'Texte tapé ou collé.');
    assert.equal(originText({ source: 'whisper_cpp', model: 'base' }), 'Transcrit par Whisper.cpp (modèle base).');
  });

  test('an unknown or missing source says nothing rather than a raw code', () => {
    assert.equal(originText({ source: 'vosk', model: null }), '');
    assert.equal(originText({ source: null, model: 'base' }), '');
  });
});
