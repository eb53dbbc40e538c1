import { stripAffixes } from './term-key.js';
import type { Token } from './tokenize.js';

export const JARGON_TERMS_MAX = 10;

/** All-caps words that are ordinary words, not acronyms. */
const NOT_JARGON = new Set(['OK']);

/**
 * Acronyms and codes, as written: a word with at least 2 uppercase letters and no lowercase letter; digits are
 * allowed ("API", "K8S", "B2B", "COVID-19"). "l'API" and "API's" count as "API". "K8s" or "iOS" are not caught (they
 * have a lowercase letter); a word in capitals for emphasis ("VERY") is. First-seen order, no duplicates, at most 10.
 */
export function jargonTerms(tokens: readonly Token[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    const word = stripAffixes(token.raw);
    if (looksLikeAcronym(word) && !NOT_JARGON.has(word) && !terms.includes(word)) terms.push(word);
    if (terms.length === JARGON_TERMS_MAX) break;
  }
  return terms;
}

function looksLikeAcronym(word: string): boolean {
  return (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/\p{Ll}/u.test(word);
}
