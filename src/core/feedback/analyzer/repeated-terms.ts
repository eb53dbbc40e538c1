import { REPEATED_TERM_MIN_COUNT, REPEATED_TERM_MIN_LETTERS } from '../../../contracts/feedback-rules.js';
import type { Language } from './analyzer-input.js';
import { compareText } from './compare-text.js';
import { STOPWORDS } from './stopwords.js';
import { termKey } from './term-key.js';
import type { Token } from './tokenize.js';

export { REPEATED_TERM_MIN_COUNT, REPEATED_TERM_MIN_LETTERS } from '../../../contracts/feedback-rules.js';
export const REPEATED_TERMS_MAX = 5;

/**
 * Content words the speaker leans on: words of 4+ letters (digits do not count as letters, so "2024" is never one),
 * not stopwords, seen 3+ times. Words that were counted as fillers (`fillerTokens`, token indexes) are skipped: they
 * are already reported, and "du coup" must not make "coup" a repeated term; the same word used as a plain word
 * ("ce genre de") still counts. Top 5 by count, ties in alphabetical (UTF-16) order.
 */
export function repeatedTerms(tokens: readonly Token[], language: Language, fillerTokens: ReadonlySet<number>): string[] {
  const stopwords = STOPWORDS[language];
  const counts = new Map<string, number>();
  for (const [index, token] of tokens.entries()) {
    const key = termKey(token.norm, language);
    if (fillerTokens.has(index) || letterCount(key) < REPEATED_TERM_MIN_LETTERS || stopwords.has(key)) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, count]) => count >= REPEATED_TERM_MIN_COUNT)
    .sort(([termA, countA], [termB, countB]) => countB - countA || compareText(termA, termB))
    .slice(0, REPEATED_TERMS_MAX)
    .map(([term]) => term);
}

function letterCount(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0;
}
