import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Language } from '../../../src/core/feedback/analyzer/analyzer-input.js';
import { analyzeTranscript } from '../../../src/core/feedback/analyzer/index.js';
import { findPhrases } from '../../../src/core/feedback/analyzer/find-phrases.js';
import { compileLexicon, LEXICONS } from '../../../src/core/feedback/analyzer/lexicon.js';
import { EN_LEXICON } from '../../../src/core/feedback/analyzer/lexicon-en.js';
import { findRepetitions } from '../../../src/core/feedback/analyzer/repetitions.js';
import { tokenize } from '../../../src/core/feedback/analyzer/tokenize.js';
import { findWeakCloser, findWeakOpener } from '../../../src/core/feedback/analyzer/weak-ends.js';

const hedgesIn = (text: string, language: Language = 'en') => findPhrases(tokenize(text), LEXICONS[language].hedges).map((hit) => hit.label);
const repeated = (text: string, language: Language = 'en', skip: number[] = []) =>
  findRepetitions(tokenize(text), language, new Set(skip)).map((r) => `${r.text}×${r.occurrences.length}`);
const words = (text: string, language: Language, find: typeof findWeakOpener) => {
  const tokens = tokenize(text);
  const found = find(tokens, language);
  return found && tokens.slice(found.first, found.last + 1).map((token) => token.norm).join(' ');
};
/** `count` distinct made-up content words, each used `times` times: padding that sets the talk's norm. */
const padding = (count: number, times = 1) =>
  Array.from({ length: count }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`)
    .flatMap((word) => Array<string>(times).fill(word))
    .join(' ');

describe('language coaching', { timeout: 10_000 }, () => {
  test('hedges, openers and closers match whole words only: no "maybe" in "Maybelline", no "um" in "umbrella"', () => {
    assert.deepEqual(hedgesIn('Maybelline, perhapsy, probablyness, kindof, sorted of'), []);
    assert.deepEqual(hedgesIn('peut-êtres, probablementement, disonsx', 'fr'), []);
    assert.equal(words('Umbrella sales rose. Sorting helps.', 'en', findWeakOpener), null);
    assert.equal(words('Sommaire: bonjour.', 'fr', findWeakOpener), null);
    assert.equal(words('We sold the yeahs and the thatsit.', 'en', findWeakCloser), null);
  });

  test('hedges: "kind of" after a determiner is a noun phrase; "I think about" is thinking, not hedging', () => {
    assert.deepEqual(hedgesIn('What kind of tool? A sort of hammer. It is kind of slow. Kind of slow.'), ['kind of', 'kind of']);
    assert.deepEqual(hedgesIn('I think about it. I think we can. I think, maybe, we can.'), ['I think', 'I think', 'maybe']);
    assert.deepEqual(hedgesIn("Je pense à vous. Je pense qu'on peut. Ça peut être utile, peut-être.", 'fr'), ['je pense que', 'peut-être']);
    assert.deepEqual(hedgesIn("J'ai l'impression que c'est, en quelque sorte, plus ou moins prêt.", 'fr'), [
      "j'ai l'impression que",
      'en quelque sorte',
      'plus ou moins',
    ]);
  });

  test('repetition is against the talk’s own norm: 3 uses stand out in a short talk, not where every word comes back twice', () => {
    // 10 words used once and "alpha" 3 times: 13 uses of 11 words, norm 1.18, so 3 uses are enough.
    assert.deepEqual(repeated(`alpha ${padding(10)} alpha alpha`), ['alpha×3']);
    // The same 10 words twice each: 23 uses of 11 words, norm 2.09, so a word needs 4.2 uses: alpha's 3 are the norm.
    assert.deepEqual(repeated(`alpha ${padding(10, 2)} alpha alpha`), []);
    assert.deepEqual(repeated(`alpha ${padding(10, 2)} alpha alpha alpha alpha`), ['alpha×5']);
    // Never under 3 uses, however varied the rest.
    assert.deepEqual(repeated(`alpha ${padding(30)} alpha`), []);
  });

  test('repeated words: 4+ letters, no stopwords, digits are not letters, elisions and "’s" stripped, fillers and hedges skipped', () => {
    assert.deepEqual(repeated(`L'équipe, l’équipe et d'équipe. ${padding(8)}. Donc donc donc. Été été été.`, 'fr'), ['équipe×3']);
    assert.deepEqual(repeated(`The team's plan, our team. ${padding(8)} 2024 2024 2024 very very very, team!`), ['team×3']);
    // "du coup" is a filler: its "coup" is not a repeated word when the analyzer skips the filler's tokens.
    assert.deepEqual(repeated(`du coup, du coup, du coup ${padding(5)}`, 'fr', [0, 1, 2, 3, 4, 5]), []);
  });

  test('repeated phrases: 2-3 words joined by spaces, never across punctuation, never starting or ending with an article', () => {
    assert.deepEqual(repeated(`Moving forward we ship. ${padding(9)}. Moving forward we test. Moving forward we win.`), ['moving forward we×3']);
    assert.deepEqual(repeated(`Moving, forward. ${padding(9)}. Moving, forward. Moving, forward.`), ['forward×3', 'moving×3']);
    // "the checklist" is the word "checklist"; the phrase is not reported beside it.
    assert.deepEqual(repeated(`The checklist helps. ${padding(9)}. The checklist works. The checklist wins.`), ['checklist×3']);
  });

  test('weak openers: any run of them from the first word; weak closers: the last words, after a thank-you', () => {
    assert.equal(words('So, um, okay, today we ship.', 'en', findWeakOpener), 'so um okay');
    assert.equal(words('Today we ship. So, um.', 'en', findWeakOpener), null);
    assert.equal(words('We ship daily. So yeah, that’s it. Thank you very much!', 'en', findWeakCloser), "so yeah that's it");
    assert.equal(words('That’s it for the old process. We ship daily. Thank you.', 'en', findWeakCloser), null);
    assert.equal(words('Euh, bon, alors voilà le plan.', 'fr', findWeakOpener), 'euh bon alors voilà');
    assert.equal(words("On livre chaque jour, et voilà, c'est tout. Merci de votre attention.", 'fr', findWeakCloser), "et voilà c'est tout");
  });

  test('typed text: the moments are listed with their words and no time', () => {
    const feedback = analyzeTranscript({
      transcript: { schemaVersion: 1, language: 'en', durationMs: null, segments: [{ tStartMs: 0, tEndMs: 0, text: 'Um, maybe we ship. That is it. So yeah.' }] },
    });
    assert.deepEqual(feedback.languageCoaching?.hedges, [{ text: 'maybe', count: 1, moments: [{ tStartMs: null, tEndMs: null, text: 'maybe' }] }]);
    assert.deepEqual(feedback.languageCoaching?.weakOpener, { tStartMs: null, tEndMs: null, text: 'Um' });
    assert.deepEqual(feedback.languageCoaching?.weakCloser, { tStartMs: null, tEndMs: null, text: 'So yeah' });
  });

  test('a finding lists at most 20 moments; its count says how many there were', () => {
    const text = Array.from({ length: 25 }, (_, i) => `Maybe ${padding(25).split(' ')[i]}.`).join(' ');
    const hedge = analyzeTranscript({ transcript: { schemaVersion: 1, language: 'en', durationMs: null, segments: [{ tStartMs: 0, tEndMs: 0, text }] } })
      .languageCoaching!.hedges[0]!;
    assert.equal(hedge.count, 25);
    assert.equal(hedge.moments.length, 20);
  });

  test('a lexicon spelling must be lowercase whole words', () => {
    assert.throws(() => compileLexicon({ ...EN_LEXICON, hedges: [{ label: 'Maybe', forms: ['Maybe'] }] }), /lowercase/);
    assert.throws(() => compileLexicon({ ...EN_LEXICON, weakOpeners: ['...'] }), /lowercase/);
  });
});
