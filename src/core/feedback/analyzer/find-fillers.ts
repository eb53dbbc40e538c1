import type { Language } from './analyzer-input.js';
import { compareText } from './compare-text.js';
import { findPhrases, type PhraseHit } from './find-phrases.js';
import { LEXICONS } from './lexicon.js';
import type { Token } from './tokenize.js';

/** One filler found in the text: its lexicon label and the token range it covers (inclusive). */
export type FillerHit = PhraseHit;

/** The language's fillers (lexicon-en.ts, lexicon-fr.ts), matched on whole words (find-phrases.ts). */
export function findFillers(tokens: readonly Token[], language: Language): FillerHit[] {
  return findPhrases(tokens, LEXICONS[language].fillers);
}

/** Counts per label, keys in a locale-independent order so the JSON reads the same on every machine. */
export function fillerBreakdown(hits: readonly FillerHit[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(hit.label, (counts.get(hit.label) ?? 0) + 1);
  const labels = [...counts.keys()].sort(compareText);
  return Object.fromEntries(labels.map((label) => [label, counts.get(label)!]));
}
