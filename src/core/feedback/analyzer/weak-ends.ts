import type { Language } from './analyzer-input.js';
import { spellsPhraseAt } from './find-phrases.js';
import { LEXICONS, type Phrase } from './lexicon.js';
import type { Occurrence } from './repetitions.js';
import type { Token } from './tokenize.js';

/**
 * The talk's first words when they clear the throat instead of starting: any run of the language's weak openers
 * from the very first word ("So, um, okay, ..."), punctuation between them allowed. Null when the first word is not
 * one of them.
 */
export function findWeakOpener(tokens: readonly Token[], language: Language): Occurrence | null {
  const openers = longestFirst(LEXICONS[language].weakOpeners);
  let next = 0;
  for (;;) {
    const phrase = openers.find((candidate) => spellsPhraseAt(tokens, next, candidate));
    if (!phrase) break;
    next += phrase.length;
  }
  return next > 0 ? { first: 0, last: next - 1 } : null;
}

/**
 * The talk's last words when they trail off instead of ending: any run of the language's weak closers at the very
 * end ("So yeah, that's it."), after setting aside a final thank-you, which is neither weak nor strong. Null when the
 * talk ends on anything else.
 */
export function findWeakCloser(tokens: readonly Token[], language: Language): Occurrence | null {
  const lexicon = LEXICONS[language];
  const beforeSignOff = lastIndexBefore(tokens, tokens.length - 1, longestFirst(lexicon.signOffs));
  const beforeCloser = lastIndexBefore(tokens, beforeSignOff, longestFirst(lexicon.weakClosers));
  return beforeCloser < beforeSignOff ? { first: beforeCloser + 1, last: beforeSignOff } : null;
}

/** Walks back from `last` over any run of the phrases; returns the index of the last word not in that run. */
function lastIndexBefore(tokens: readonly Token[], last: number, phrases: readonly Phrase[]): number {
  let end = last;
  for (;;) {
    const phrase = phrases.find((candidate) => spellsPhraseAt(tokens, end - candidate.length + 1, candidate));
    if (!phrase) return end;
    end -= phrase.length;
  }
}

function longestFirst(phrases: readonly Phrase[]): Phrase[] {
  return [...phrases].sort((a, b) => b.length - a.length);
}
