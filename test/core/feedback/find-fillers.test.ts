import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Language } from '../../../src/core/feedback/analyzer/analyzer-input.js';
import { fillerBreakdown, findFillers } from '../../../src/core/feedback/analyzer/find-fillers.js';
import { tokenize } from '../../../src/core/feedback/analyzer/tokenize.js';

const fillersIn = (text: string, language: Language = 'en') => findFillers(tokenize(text), language).map((hit) => hit.label);

test('fillers match whole words, never substrings', () => {
  assert.deepEqual(fillersIn('Sorting, umbrella, uhuru, likely, actuallyness, kindness, sorted, sort-of'), []);
  assert.deepEqual(fillersIn('On a coupé le coupon, en faites, du coupé', 'fr'), []);
  assert.deepEqual(fillersIn('euhh non, voilàà', 'fr'), []);
});

test('phrases match on consecutive words separated by spaces only', () => {
  assert.deepEqual(fillersIn('it was, you know, I mean fine'), ['you know', 'I mean']);
  assert.deepEqual(fillersIn('you, know. I. mean'), []);
  assert.deepEqual(fillersIn('du coup en fait tu vois', 'fr'), ['du coup', 'en fait', 'tu vois']);
});

test('"kind of" and "sort of" are hedges, not fillers (analyzer v3)', () => {
  assert.deepEqual(fillersIn('It is kind of slow and sort of late.'), []);
});

test('"like" counts only when set off by a comma or first in its sentence', () => {
  assert.deepEqual(fillersIn('I like it. We like, love it. It was, like huge. Like I said.'), ['like', 'like', 'like']);
  assert.deepEqual(fillersIn('I like it and they like it'), []);
  assert.deepEqual(fillersIn('It was — like — huge'), ['like']);
});

test('"so" only starts a sentence; "okay so" wins over "so"', () => {
  assert.deepEqual(fillersIn('So we start. It is so good. Okay so here. OK so there. And so on.'), ['so', 'okay so', 'okay so']);
});

test('French: "quoi" only ends a statement, "bon" only starts a sentence, "genre" not after a determiner', () => {
  assert.deepEqual(fillersIn("C'est bien, quoi. Tu fais quoi ? Quoi de neuf.", 'fr'), ['quoi']);
  assert.deepEqual(fillersIn("Bon, on y va. C'est bon. Un bon début.", 'fr'), ['bon']);
  assert.deepEqual(fillersIn("Ce genre de film. C'était genre énorme. Un genre nouveau.", 'fr'), ['genre']);
  assert.deepEqual(fillersIn('Euh, heu, bah, ben, voilà, voila, hum.', 'fr'), ['euh', 'euh', 'bah', 'ben', 'voilà', 'voilà', 'hum']);
});

test('each language uses its own lexicon', () => {
  assert.deepEqual(fillersIn('euh du coup', 'en'), []);
  assert.deepEqual(fillersIn('um you know', 'fr'), []);
});

test('the breakdown counts per label, keys in a fixed order', () => {
  const hits = findFillers(tokenize('Um, you know, um, I mean, uh, umm.'), 'en');
  const breakdown = fillerBreakdown(hits);
  assert.deepEqual(breakdown, { 'I mean': 1, uh: 1, um: 3, 'you know': 1 });
  assert.deepEqual(Object.keys(breakdown), ['I mean', 'uh', 'um', 'you know']);
});
