import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jargonTerms } from '../../../src/core/feedback/analyzer/jargon-terms.js';
import { measureSentences } from '../../../src/core/feedback/analyzer/sentences.js';
import { tokenize } from '../../../src/core/feedback/analyzer/tokenize.js';

const words = (text: string) => tokenize(text).map((token) => token.norm);

test('accented letters stay inside words, lowercased without the locale', () => {
  assert.deepEqual(words('Cet été, DÉJÀ à Noël : ÇA marche'), ['cet', 'été', 'déjà', 'à', 'noël', 'ça', 'marche']);
  assert.deepEqual(words('İstanbul'), ['i̇stanbul'], 'toLowerCase, not a Turkish locale');
  assert.deepEqual(words('Straße naïve'), ['straße', 'naïve']);
});

test('decomposed accents are composed (NFC), so both spellings are one word', () => {
  const decomposed = 'e\u0301te\u0301';
  assert.deepEqual(words(decomposed), ['été']);
  assert.equal(words(decomposed)[0], words('été')[0]);
});

test('in-word apostrophes keep one word and are normalized to a straight one', () => {
  assert.deepEqual(words('aujourd’hui l’équipe l\'équipe qu’il don’t'), ["aujourd'hui", "l'équipe", "l'équipe", "qu'il", "don't"]);
  assert.deepEqual(words('‘quoted’ words'), ['quoted', 'words'], 'quotes around a word are not part of it');
  assert.deepEqual(words("rock 'n' roll"), ['rock', 'n', 'roll']);
});

test('in-word hyphens keep one word; dashes and spaced hyphens separate', () => {
  assert.deepEqual(words('peut-être state‑of‑the‑art COVID-19'), ['peut-être', 'state-of-the-art', 'covid-19']);
  assert.deepEqual(words('fast - slow — done – ok -x y-'), ['fast', 'slow', 'done', 'ok', 'x', 'y']);
});

test('numbers with a decimal point or comma are one word and do not end a sentence', () => {
  assert.deepEqual(words('It grew 3.5 times, or 3,5 fois. Then 2024.'), ['it', 'grew', '3.5', 'times', 'or', '3,5', 'fois', 'then', '2024']);
  assert.equal(measureSentences(tokenize('It grew 3.5 times. Then 2024.')).sentences, 2);
});

test('tokens keep their original spelling, offsets and surrounding punctuation', () => {
  const [first, second] = tokenize('  Bon, l’API…');
  assert.deepEqual(first, { raw: 'Bon', norm: 'bon', start: 2, end: 5, gapBefore: '  ', gapAfter: ', ' });
  assert.deepEqual(second, { raw: "l'API", norm: "l'api", start: 7, end: 12, gapBefore: ', ', gapAfter: '…' });
});

test('sentences split on . ! ? … and line breaks; long ones are over 25 words', () => {
  const stats = measureSentences(tokenize('One two. Three! Four? Five… six\nseven eight'));
  assert.deepEqual(stats, { sentences: 6, avgSentenceWords: 1.3, longSentences: 0, sentenceSource: 'punctuation' });
  const long = measureSentences(tokenize(`${'word '.repeat(26)}. ${'word '.repeat(25)}.`));
  assert.deepEqual(long, { sentences: 2, avgSentenceWords: 25.5, longSentences: 1, sentenceSource: 'punctuation' });
});

test('jargon: 2+ capitals and no lowercase, digits allowed, first-seen order, at most 10', () => {
  const tokens = tokenize("Our API, the API's limits, l’API, K8S, K8s, B2B, iOS, COVID-19, OK, I, A. HTTP2 SQL CSV JSON XML YAML TLS DNS");
  assert.deepEqual(jargonTerms(tokens), ['API', 'K8S', 'B2B', 'COVID-19', 'HTTP2', 'SQL', 'CSV', 'JSON', 'XML', 'YAML']);
});
