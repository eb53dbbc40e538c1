import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AsrEngineStatus, AsrStatus } from '../../ui/src/api/types/transcription';
import { engineStatus, initialEngine, initialLanguage, pickableEngines } from '../../ui/src/record/engine-choice';

function engine(id: AsrEngineStatus['engine'], available: boolean, languages: AsrEngineStatus['languages'] = ['en']): AsrEngineStatus {
  return { engine: id, available, languages, hint: null };
}

function status(defaultEngine: AsrEngineStatus['engine'], engines: AsrEngineStatus[]): AsrStatus {
  return { defaultEngine, engines };
}

const ALL = [
  engine('pocketsphinx', true, ['en']),
  engine('script_alignment', true, ['en', 'fr']),
  engine('manual', true, ['en', 'fr']),
  engine('whisper_cpp', false, ['en', 'fr']),
];

describe('choosing the transcription engine', { timeout: 10_000 }, () => {
  test('script alignment is not in the list of engines (it is offered as "align with my script")', () => {
    assert.deepEqual(
      pickableEngines(status('pocketsphinx', ALL)).map((entry) => entry.engine),
      ['pocketsphinx', 'manual', 'whisper_cpp'],
    );
  });

  test('engineStatus finds an engine by id, or nothing', () => {
    assert.equal(engineStatus(status('pocketsphinx', ALL), 'manual'), ALL[2]);
    assert.equal(engineStatus(status('pocketsphinx', ALL), 'vosk'), undefined);
  });

  test("the first choice is asr_status's default when it is available", () => {
    assert.equal(initialEngine(status('manual', ALL)), 'manual');
  });

  test('an unavailable default gives way to the first available engine', () => {
    assert.equal(initialEngine(status('whisper_cpp', ALL)), 'pocketsphinx');
  });

  test('script alignment as default gives way to the first pickable engine', () => {
    assert.equal(initialEngine(status('script_alignment', ALL)), 'pocketsphinx');
  });

  test('with no engine available there is no first choice', () => {
    assert.equal(initialEngine(status('pocketsphinx', [engine('pocketsphinx', false), engine('script_alignment', true)])), null);
  });

  test("the talk's language is the interface language when the engine knows it, else the engine's first", () => {
    assert.equal(initialLanguage(engine('whisper_cpp', true, ['en', 'fr']), 'fr'), 'fr');
    assert.equal(initialLanguage(engine('pocketsphinx', true, ['en']), 'fr'), 'en');
    assert.equal(initialLanguage(engine('whisper_cpp', true, ['fr']), 'en'), 'fr');
  });

  test('with no engine chosen, or one that lists no language, the language falls back sensibly', () => {
    assert.equal(initialLanguage(undefined, 'fr'), 'fr');
    assert.equal(initialLanguage(engine('manual', true, []), 'fr'), 'en');
  });
});
