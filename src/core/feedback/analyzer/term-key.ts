import type { Language } from './analyzer-input.js';

/**
 * French elisions glue an article or pronoun to the next word; the word itself is what repeats ("l'équipe",
 * "d'équipe" and "équipe" are one term). Only these prefixes are elisions, so "aujourd'hui" stays whole.
 */
const FRENCH_ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=.)/i;
/** English possessive or "is" contraction: "team's" and "team" are one term, "that's" is "that". */
const ENGLISH_S = /'s$/i;

/** The form a word is counted under for repeated terms (lowercase word in, lowercase key out). */
export function termKey(norm: string, language: Language): string {
  return language === 'fr' ? norm.replace(FRENCH_ELISION, '') : norm.replace(ENGLISH_S, '');
}

/** The word without elision or possessive, in either language and keeping its case: "l'API" and "API's" are "API". */
export function stripAffixes(raw: string): string {
  return raw.replace(FRENCH_ELISION, '').replace(ENGLISH_S, '');
}
