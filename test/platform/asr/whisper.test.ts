import assert from 'node:assert/strict';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AppError } from '../../../src/kernel/errors.js';
import { checkWhisperModel } from '../../../src/platform/asr/whisper/whisper-model-check.js';
import { whisperTokensToWords } from '../../../src/platform/asr/whisper/whisper-words.js';
import { whisperPrompt } from '../../../src/platform/asr/whisper/whisper-prompt.js';
import { WhisperCppEngine } from '../../../src/platform/asr/whisper-engine.js';
import type { AsrProgress } from '../../../src/platform/asr/asr-engine.js';
import { librivoxClips, pcm16MonoDurationMs } from '../../support/speech.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { writeWhisperModel } from '../../support/whisper-model.js';

const TIMEOUT = { timeout: 120_000 };

function generatedModel(multilingual = false): string {
  const path = join(makeTempDir(), multilingual ? 'ggml-test.bin' : 'ggml-test.en.bin');
  writeWhisperModel(path, { multilingual, seed: 7 });
  return path;
}

function codeOf(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not_an_app_error';
  }
}

describe('whisper model integrity check', () => {
  test('a generated model passes and says whether it is multilingual', () => {
    assert.equal(checkWhisperModel(generatedModel(false)).multilingual, false);
    const facts = checkWhisperModel(generatedModel(true));
    assert.equal(facts.multilingual, true);
    assert.equal(facts.hparams.nAudioState, 64);
  });

  test('truncated anywhere (header, vocabulary, last tensor), garbled or foreign: asr_model_corrupt', () => {
    const good = generatedModel();
    const size = readFileSync(good).length;
    for (const keep of [100, 60_000, size - 1]) {
      const cut = join(makeTempDir(), 'cut.bin');
      writeFileSync(cut, readFileSync(good).subarray(0, keep));
      assert.equal(codeOf(() => checkWhisperModel(cut)), 'asr_model_corrupt', `cut at ${keep} bytes`);
    }
    const longer = join(makeTempDir(), 'longer.bin');
    writeFileSync(longer, Buffer.concat([readFileSync(good), Buffer.from([1, 0, 0, 0])]));
    assert.equal(codeOf(() => checkWhisperModel(longer)), 'asr_model_corrupt');
    const foreign = join(makeTempDir(), 'foreign.bin');
    writeFileSync(foreign, 'not a model at all');
    assert.equal(codeOf(() => checkWhisperModel(foreign)), 'asr_model_corrupt');
    assert.equal(codeOf(() => checkWhisperModel(join(makeTempDir(), 'absent.bin'))), 'asr_model_missing');
  });
});

describe('whisper tokens to words', () => {
  test('a token without a leading space continues the word; annotations are dropped; times stay in order and inside the audio', () => {
    const words = whisperTokensToWords(
      [
        { text: ' Good', t0: 100, t1: 300 },
        { text: ' mor', t0: 300, t1: 450 },
        { text: 'ning', t0: 450, t1: 600 },
        { text: ',', t0: 600, t1: 610 },
        { text: ' [', t0: 700, t1: 720 },
        { text: 'BLANK_AUDIO', t0: 720, t1: 800 },
        { text: ']', t0: 800, t1: 900 },
        { text: ' um', t0: 850, t1: 1000 },
        { text: ' everyone', t0: 1100, t1: 9000 },
      ],
      2000,
    );
    assert.deepEqual(words, [
      { text: 'Good', tStartMs: 100, tEndMs: 300 },
      { text: 'morning,', tStartMs: 300, tEndMs: 610 },
      { text: 'um', tStartMs: 850, tEndMs: 1000 },
      { text: 'everyone', tStartMs: 1100, tEndMs: 2000 },
    ]);
  });

  test('the prompt keeps the filler style first, then the opening of the script', () => {
    assert.match(whisperPrompt('fr'), /^Euh, alors/);
    const prompt = whisperPrompt('en', 'Good morning, everyone.\nToday we ship.');
    assert.ok(prompt.startsWith('Umm, let me think like'));
    assert.ok(prompt.endsWith(' Good morning, everyone. Today we ship.'));
  });
});

describe('whisper.cpp engine on a generated model (real ggml format, random weights)', () => {
  const clip = librivoxClips()[0]!;
  const durationMs = pcm16MonoDurationMs(clip.wavPath);

  test('without a model it is unavailable and says how to get one', () => {
    const availability = new WhisperCppEngine(null).availability();
    assert.equal(availability.available, false);
    assert.match(availability.hint ?? '', /lectern models get/);
  });

  test('transcribes a LibriVox clip: segments with words, times in order inside the audio, progress reported', TIMEOUT, async () => {
    const engine = new WhisperCppEngine({ name: 'test.en', path: generatedModel(), multilingual: false });
    assert.deepEqual(engine.availability(), { engine: 'whisper_cpp', available: true, languages: ['en'], hint: null });
    const progress: AsrProgress[] = [];
    const { transcript, adherence } = await engine.transcribe({ wavPath: clip.wavPath, language: 'en', durationMs, onProgress: (p) => progress.push(p) });
    assert.equal(adherence, null);
    assert.equal(transcript.language, 'en');
    assert.equal(transcript.durationMs, durationMs);
    assert.ok(transcript.segments.length > 0, 'at least one segment');
    const words = transcript.segments.flatMap((segment) => segment.words ?? []);
    assert.ok(words.length > 0, 'words with timings');
    for (let i = 0; i < words.length; i += 1) {
      assert.ok(words[i]!.tStartMs <= words[i]!.tEndMs && words[i]!.tEndMs <= durationMs, `word ${i} inside the audio`);
      if (i > 0) assert.ok(words[i]!.tStartMs >= words[i - 1]!.tEndMs, `word ${i} after word ${i - 1}`);
    }
    assert.deepEqual(progress[0], { percent: 2, stage: 'preparing' });
    assert.deepEqual(progress.filter((p) => p.stage === 'decoding').at(-1), { percent: 95, stage: 'decoding' });
  });

  test('French needs a multilingual model: refused on an English-only one, transcribed on a multilingual one', TIMEOUT, async () => {
    const english = new WhisperCppEngine({ name: 'test.en', path: generatedModel(false), multilingual: false });
    await assert.rejects(english.transcribe({ wavPath: clip.wavPath, language: 'fr', durationMs }), { code: 'asr_language_unsupported' });
    const multilingual = new WhisperCppEngine({ name: 'test', path: generatedModel(true), multilingual: true });
    assert.deepEqual(multilingual.availability().languages, ['en', 'fr']);
    const { transcript } = await multilingual.transcribe({ wavPath: clip.wavPath, language: 'fr', durationMs });
    assert.equal(transcript.language, 'fr');
    assert.ok(transcript.segments.length > 0);
  });

  test('with the script: the same adherence report as script alignment', TIMEOUT, async () => {
    const engine = new WhisperCppEngine({ name: 'test.en', path: generatedModel(), multilingual: false });
    const { adherence } = await engine.transcribe({ wavPath: clip.wavPath, language: 'en', durationMs, scriptText: clip.words.join(' ') });
    assert.ok(adherence, 'an adherence report');
    // Random weights say nothing of the script: every script word is reported skipped, in one passage.
    assert.deepEqual(adherence.skipped, [{ fromWord: 0, toWord: clip.words.length - 1, text: clip.words.join(' '), atMs: null }]);
  });

  test('a cancel stops the engine at once with job_cancelled', TIMEOUT, async () => {
    const engine = new WhisperCppEngine({ name: 'test.en', path: generatedModel(), multilingual: false });
    const controller = new AbortController();
    const work = engine.transcribe({ wavPath: clip.wavPath, language: 'en', durationMs, signal: controller.signal, onProgress: (p) => p.stage === 'preparing' && setTimeout(() => controller.abort(), 200) });
    await assert.rejects(work, { code: 'job_cancelled' });
  });

  test('a truncated model is refused with asr_model_corrupt before native code reads it', TIMEOUT, async () => {
    const path = generatedModel();
    truncateSync(path, 100);
    const engine = new WhisperCppEngine({ name: 'test.en', path, multilingual: false });
    await assert.rejects(engine.transcribe({ wavPath: clip.wavPath, language: 'en', durationMs }), { code: 'asr_model_corrupt' });
  });
});
