import { REPEATED_TERM_MIN_COUNT, REPEATED_TERM_MIN_LETTERS, REPEATED_TERM_NORM_FACTOR } from '../../../contracts/feedback-rules.js';
import { REPETITIONS_MAX } from '../../../contracts/feedback-v1.js';
import type { Language } from './analyzer-input.js';
import { compareText } from './compare-text.js';
import { LEXICONS } from './lexicon.js';
import { termKey } from './term-key.js';
import { followsWithOnlySpace } from './token-context.js';
import type { Token } from './tokenize.js';

/** Phrases of 2 and 3 words are looked for ("moving forward", "in terms of"). */
const PHRASE_SIZES = [3, 2] as const;

/** Where a unit was said: a token range, inclusive. */
export interface Occurrence {
  first: number;
  last: number;
}

export interface Repetition {
  /** The counted form: lowercase, French elisions and English "'s" stripped ("l'équipe" counts as "équipe"). */
  text: string;
  kind: 'word' | 'phrase';
  occurrences: Occurrence[];
}

interface Unit extends Repetition {
  size: number;
  contentWords: string[];
}

/**
 * Words and 2-3 word phrases the speaker uses far more than the talk's norm. The norm is the talk's own: the average
 * number of uses of a content word (all content words' uses / distinct content words), and likewise for phrases of
 * each size (phrases holding at least one content word). A unit is repetitive when it is used at least 3 times and at
 * least twice the norm, so a long talk, where every word comes back more often, needs more uses than a short one.
 *
 * Tokens inside fillers and hedges (`skip`) are left out: they are reported on their own, and "du coup" must not
 * make "coup" a repeated word. A phrase never crosses a punctuation mark, and never starts or ends with an article or
 * possessive ("the checklist" is the word "checklist"). One thing is reported once: a phrase whose
 * every use sits inside a longer reported phrase is dropped; a phrase built around one content word gives way to that
 * word when the word is also used elsewhere, else the word gives way to it. The 5 most used, ties in alphabetical
 * (UTF-16) order.
 */
export function findRepetitions(tokens: readonly Token[], language: Language, skip: ReadonlySet<number>): Repetition[] {
  const keys = tokens.map((token) => termKey(token.norm, language));
  const stopwords = LEXICONS[language].stopwords;
  const isContent = (index: number) => !skip.has(index) && isContentWord(keys[index]!, stopwords);
  const determiners = LEXICONS[language].determiners;
  const isPhraseEdge = (index: number) => !determiners.has(keys[index]!);

  const words = repetitive(unitsOfSize(tokens, keys, skip, isContent, isPhraseEdge, 1));
  const phrases = PHRASE_SIZES.flatMap((size) => repetitive(unitsOfSize(tokens, keys, skip, isContent, isPhraseEdge, size)));
  const kept = resolveOverlaps(words, phrases);
  return kept
    .sort((a, b) => b.occurrences.length - a.occurrences.length || compareText(a.text, b.text))
    .slice(0, REPETITIONS_MAX)
    .map(({ text, kind, occurrences }) => ({ text, kind, occurrences }));
}

/** A content word has 4+ letters (digits are not letters: "2024" never is one) and is not a stopword. */
function isContentWord(key: string, stopwords: ReadonlySet<string>): boolean {
  return (key.match(/\p{L}/gu)?.length ?? 0) >= REPEATED_TERM_MIN_LETTERS && !stopwords.has(key);
}

/**
 * Every unit of `size` words: single content words, or runs of words joined by spaces only, none skipped, holding a
 * content word and neither starting nor ending with an article or possessive. Uses of one phrase never overlap ("data data data" holds "data data" once).
 */
function unitsOfSize(
  tokens: readonly Token[],
  keys: readonly string[],
  skip: ReadonlySet<number>,
  isContent: (index: number) => boolean,
  isPhraseEdge: (index: number) => boolean,
  size: number,
): Unit[] {
  const units = new Map<string, Unit>();
  for (let first = 0; first + size <= tokens.length; first += 1) {
    const last = first + size - 1;
    if (!isUnitAt(tokens, skip, isContent, first, last)) continue;
    if (size > 1 && !(isPhraseEdge(first) && isPhraseEdge(last))) continue;
    const range = keys.slice(first, last + 1);
    const text = range.join(' ');
    const unit = units.get(text) ?? {
      text,
      kind: size === 1 ? 'word' : 'phrase',
      size,
      occurrences: [],
      contentWords: [...new Set(range.filter((_, offset) => isContent(first + offset)))],
    };
    const previous = unit.occurrences.at(-1);
    if (!previous || previous.last < first) unit.occurrences.push({ first, last });
    units.set(text, unit);
  }
  return [...units.values()];
}

function isUnitAt(tokens: readonly Token[], skip: ReadonlySet<number>, isContent: (index: number) => boolean, first: number, last: number): boolean {
  let holdsContent = false;
  for (let index = first; index <= last; index += 1) {
    if (skip.has(index) || (index > first && !followsWithOnlySpace(tokens, index))) return false;
    holdsContent ||= isContent(index);
  }
  return holdsContent;
}

/** The units used at least 3 times and at least twice the average use of units of their size. */
function repetitive(units: readonly Unit[]): Unit[] {
  if (units.length === 0) return [];
  const norm = units.reduce((total, unit) => total + unit.occurrences.length, 0) / units.length;
  const needed = Math.max(REPEATED_TERM_MIN_COUNT, REPEATED_TERM_NORM_FACTOR * norm);
  return units.filter((unit) => unit.occurrences.length >= needed);
}

function resolveOverlaps(words: readonly Unit[], phrases: readonly Unit[]): Unit[] {
  const keptPhrases: Unit[] = [];
  for (const phrase of [...phrases].sort((a, b) => b.size - a.size || b.occurrences.length - a.occurrences.length)) {
    if (!allInside(phrase, keptPhrases)) keptPhrases.push(phrase);
  }
  const droppedWords = new Set<string>();
  const phrasesKept = keptPhrases.filter((phrase) => {
    if (phrase.contentWords.length !== 1) return true;
    const word = words.find((candidate) => candidate.text === phrase.contentWords[0]);
    if (!word) return true;
    if (word.occurrences.length > phrase.occurrences.length) return false;
    droppedWords.add(word.text);
    return true;
  });
  const wordsKept = words.filter((word) => !droppedWords.has(word.text) && !allInside(word, phrasesKept));
  return [...phrasesKept, ...wordsKept];
}

/** True when every use of `unit` lies inside a use of one of `others`. */
function allInside(unit: Unit, others: readonly Unit[]): boolean {
  return unit.occurrences.every(({ first, last }) =>
    others.some((other) => other.occurrences.some((outer) => outer.first <= first && last <= outer.last)),
  );
}
