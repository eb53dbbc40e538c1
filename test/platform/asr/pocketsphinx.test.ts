import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePocketsphinxOutput } from '../../../src/platform/asr/pocketsphinx-output.js';
import { PocketsphinxEngine } from '../../../src/platform/asr/pocketsphinx-engine.js';
import { longestCommonSubsequence, measureAdherence } from '../../../src/platform/asr/script-adherence.js';
import { scriptWords } from '../../../src/platform/asr/script-words.js';
import { wordErrorRate } from '../../../src/platform/asr/word-error-rate.js';
import { librivoxClips, pcm16MonoDurationMs, speak } from '../../support/speech.js';
import { makeTempDir } from '../../support/temp-dir.js';

describe('pocketsphinx output', () => {
  test('markers, silences and noise are dropped; alternate pronunciations map to the word; times are ms', () => {
    const output = 'he was\n<s> 0.000 0.060 0.999500\n<sil> 0.070 0.200 0.69\nhe 0.210 0.320 0.998701\nwas(2) 0.330 0.540 0.9998\n[SPEECH] 0.980 1.100 0.53\n(NULL) 1.1 1.1 1.0\n++NOISE++ 1.2 1.3 0.1\n</s> 2.800 2.970 1.000000\n';
    assert.deepEqual(parsePocketsphinxOutput(output), [
      { text: 'he', tStartMs: 210, tEndMs: 320, confidence: 0.998701 },
      { text: 'was', tStartMs: 330, tEndMs: 540, confidence: 0.9998 },
    ]);
  });

  test('script adherence reports skipped passages and added words', () => {
    const script = scriptWords('We ship every day. Here is how, and why it matters.');
    const spoken = ['we', 'ship', 'every', 'day', 'um', 'here', 'is', 'how'].map((text, i) => ({ text, tStartMs: i * 100, tEndMs: i * 100 + 90, confidence: 1 }));
    const adherence = measureAdherence(script, spoken);
    // Skipped at the end: placed just after 'how', the last script word heard (700 + 90 ms).
    assert.deepEqual(adherence.skipped, [{ fromWord: 7, toWord: 10, text: 'and why it matters', atMs: 790 }]);
    assert.deepEqual(adherence.added, [{ tStartMs: 400, tEndMs: 490, text: 'um' }]);
    assert.equal(adherence.coverage, 7 / 11);
  });

  test('script adherence: added words are reported as passages, a skipped opening is placed before the first word heard', () => {
    const script = scriptWords('Good morning. We ship every day.');
    const spoken = ['we', 'ship', 'by', 'the', 'way', 'every', 'day', 'right'].map((text, i) => ({ text, tStartMs: 1000 + i * 100, tEndMs: 1000 + i * 100 + 90 }));
    const adherence = measureAdherence(script, spoken, true);
    assert.deepEqual(adherence.skipped, [{ fromWord: 0, toWord: 1, text: 'good morning', atMs: 1000 }]);
    assert.deepEqual(adherence.added, [
      { tStartMs: 1200, tEndMs: 1490, text: 'by the way' },
      { tStartMs: 1700, tEndMs: 1790, text: 'right' },
    ]);
    assert.equal(adherence.fellBack, true);
    // Nothing of the script heard: the skipped script has no place in the take.
    assert.deepEqual(measureAdherence(script, [{ text: 'hello', tStartMs: 0, tEndMs: 90 }]).skipped, [
      { fromWord: 0, toWord: 5, text: 'good morning we ship every day', atMs: null },
    ]);
  });

  test('word error rate counts substitutions, deletions and insertions', () => {
    assert.equal(wordErrorRate(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']), 2 / 4);
    assert.equal(wordErrorRate(['a'], []), 1);
  });
});

describe('pocketsphinx engine (Debian pocketsphinx, offline)', () => {
  const engine = new PocketsphinxEngine();

  test('the engine reports itself available with English', () => {
    assert.deepEqual(engine.availability(), { engine: 'pocketsphinx', available: true, languages: ['en'], hint: null });
  });

  test('espeak-ng speech aligned with its script: exact words, times monotonic and inside the audio', async () => {
    const script = 'Good morning everyone. Today I will show you how we ship every day, and why it matters to you.';
    const wav = speak(script, makeTempDir());
    const durationMs = pcm16MonoDurationMs(wav);
    const { transcript, adherence } = await new PocketsphinxEngine('script_alignment').transcribe({ wavPath: wav, language: 'en', durationMs, scriptText: script });
    const words = transcript.segments.flatMap((segment) => segment.words!);
    assert.deepEqual(words.map((w) => w.text), scriptWords(script));
    for (let i = 0; i < words.length; i += 1) {
      assert.ok(words[i]!.tStartMs <= words[i]!.tEndMs && words[i]!.tEndMs <= durationMs, `word ${i} inside the audio`);
      if (i > 0) assert.ok(words[i]!.tStartMs >= words[i - 1]!.tEndMs, `word ${i} after word ${i - 1}`);
    }
    assert.equal(adherence?.coverage, 1);
    assert.deepEqual(adherence?.skipped, []);
  });

  test('a speaker who skips a passage gets it reported', async () => {
    const said = 'Good morning everyone. Today I will show you how we ship every day.';
    const script = `${said} Then I will explain the costs and the risks in detail.`;
    const wav = speak(said, makeTempDir());
    const { adherence } = await new PocketsphinxEngine('script_alignment').transcribe({ wavPath: wav, language: 'en', durationMs: pcm16MonoDurationMs(wav), scriptText: script });
    assert.ok(adherence!.coverage < 0.8, `coverage ${adherence!.coverage}`);
    assert.ok(adherence!.skipped.some((passage) => /costs/.test(passage.text)));
  });

  test('real speech that follows the script comes back with 90 % of its words or more (a LibriVox clip, the text of all five as the script)', async () => {
    const clips = librivoxClips();
    const clip = clips[0]!;
    const { transcript, adherence } = await new PocketsphinxEngine('script_alignment').transcribe({
      wavPath: clip.wavPath,
      language: 'en',
      durationMs: pcm16MonoDurationMs(clip.wavPath),
      scriptText: clips.map((c) => c.words.join(' ')).join('\n'),
    });
    const words = transcript.segments.flatMap((segment) => segment.words!).map((w) => w.text);
    const returned = longestCommonSubsequence(clip.words, words).length / clip.words.length;
    assert.ok(returned >= 0.9, `returned ${returned}`);
    assert.equal(adherence!.fellBack, false);
    // The other four clips' text was not said: reported as skipped, in one or two passages, not as the clip's words.
    assert.ok(adherence!.skipped.every((passage) => !clip.words.join(' ').includes(passage.text)), JSON.stringify(adherence!.skipped));
  });

  test('a take that departs from the script falls back to free recognition and says so', async () => {
    const script = 'Good morning everyone. Today I will show you how we ship every day, and why it matters to you.';
    const said = 'Our quarterly results were better than expected. Sales in Europe grew by twelve percent in March.';
    const wav = speak(said, makeTempDir());
    const { transcript, adherence } = await new PocketsphinxEngine('script_alignment').transcribe({ wavPath: wav, language: 'en', durationMs: pcm16MonoDurationMs(wav), scriptText: script });
    assert.equal(adherence!.fellBack, true);
    // What free recognition heard, not the script's words forced onto other speech.
    const words = transcript.segments.flatMap((segment) => segment.words!).map((w) => w.text);
    assert.ok(longestCommonSubsequence(scriptWords(script), words).length < scriptWords(script).length / 2, words.join(' '));
    assert.ok(adherence!.coverage < 0.5, `coverage ${adherence!.coverage}`);
  });

  test('French is refused with a clear code; a cancelled decode rejects with job_cancelled', async () => {
    const clip = librivoxClips()[0]!;
    await assert.rejects(engine.transcribe({ wavPath: clip.wavPath, language: 'fr', durationMs: 1000 }), { code: 'asr_language_unsupported' });
    const controller = new AbortController();
    const pending = engine.transcribe({ wavPath: clip.wavPath, language: 'en', durationMs: 1000, signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, { code: 'job_cancelled' });
  });
});
