import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { outlineSpeechText } from '../../../src/contracts/outline-speech-text.js';
import { replaceWhereFreeRecognitionDisagrees } from '../../../src/platform/asr/pocketsphinx-engine.js';
import { shareFollowingScript, unmatchedRuns } from '../../../src/platform/asr/script-adherence.js';
import { FOLLOW_MASS, scriptLanguageModel } from '../../../src/platform/asr/script-language-model.js';

const timed = (texts: string[], startMs = 0) => texts.map((text, i) => ({ text, tStartMs: startMs + i * 400, tEndMs: startMs + i * 400 + 300, confidence: 1 }));

describe('script alignment, the parts', { timeout: 10_000 }, () => {
  test('the outline a speaker reads: headings and item labels are left out, the words of each item kept', () => {
    const outline = '# My talk\n\n## Opening\n- Hook: We ship **every** day.\n- Promise: [Three](http://x) habits\n\n## Closing\n- Call to action:\n<!-- note -->\n1. Try it tomorrow\n';
    assert.equal(outlineSpeechText(outline), 'We ship every day.\nThree habits\nTry it tomorrow');
  });

  test('the language model of a script: each word is most likely followed by the next one of the script', () => {
    const model = scriptLanguageModel(['we', 'ship', 'we', 'test']);
    assert.match(model, /^\\data\\\nngram 1=5\nngram 2=5\n/);
    const bigrams = model.slice(model.indexOf('\\2-grams:'));
    const followers = (word: string) => [...bigrams.matchAll(new RegExp(`^(-?[0-9.]+) ${word} (\\S+)$`, 'gm'))].map((m) => [m[2], Number(m[1])]);
    assert.deepEqual(followers('ship'), [['we', Number(Math.log10(FOLLOW_MASS).toFixed(4))]]);
    // "we" is followed once by "ship" and once by "test": the mass is shared.
    assert.deepEqual(followers('we'), [['ship', Number(Math.log10(FOLLOW_MASS / 2).toFixed(4))], ['test', Number(Math.log10(FOLLOW_MASS / 2).toFixed(4))]]);
    assert.deepEqual(followers('test'), [['</s>', Number(Math.log10(FOLLOW_MASS).toFixed(4))]]);
    assert.throws(() => scriptLanguageModel([]), RangeError);
  });

  test('runs of heard words outside the script are found, and replaced by free recognition only where it disagrees', () => {
    const script = ['we', 'ship', 'every', 'day', 'and', 'test', 'often'];
    // What a script-only model makes of "we ship, coffee is fixed, day and test often": script words all along.
    const aligned = timed(['we', 'ship', 'often', 'often', 'often', 'day', 'and', 'test', 'often']);
    assert.equal(shareFollowingScript(script, aligned), 6 / 9);
    const runs = unmatchedRuns(script, aligned);
    assert.deepEqual(runs, [{ from: 2, to: 4 }]);
    // Free recognition heard something else over that run: its words replace the script-only model's guesses.
    const heard = [...timed(['we', 'ship']), ...timed(['coffee', 'is', 'fixed'], 800), ...timed(['day', 'and', 'test', 'often'], 2000)];
    assert.deepEqual(replaceWhereFreeRecognitionDisagrees(aligned, runs, heard).map((w) => w.text), ['we', 'ship', 'coffee', 'is', 'fixed', 'day', 'and', 'test', 'often']);
    // Free recognition heard the same words (the speaker repeated "often"): the run stays.
    const agreeing = timed(['we', 'ship', 'often', 'often', 'often', 'day', 'and', 'test', 'often']);
    assert.deepEqual(replaceWhereFreeRecognitionDisagrees(aligned, runs, agreeing).map((w) => w.text), aligned.map((w) => w.text));
  });
});
