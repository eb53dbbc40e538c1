import { LONG_SENTENCE_WORDS } from '../../../contracts/feedback-rules.js';
import { roundToTenth } from './round.js';
import { endsSentence } from './token-context.js';
import type { Token } from './tokenize.js';

/** Sentences longer than LONG_SENTENCE_WORDS (25) are counted as long: past ~25 words a listener loses the start of the sentence. */
export { LONG_SENTENCE_WORDS } from '../../../contracts/feedback-rules.js';

export interface SentenceStats {
  sentences: number;
  /** words / sentences, rounded to 0.1. */
  avgSentenceWords: number;
  longSentences: number;
}

/**
 * Sentences are the runs of words between sentence ends (. ! ? … or a line break; see token-context). Splitting
 * between words, not on characters, means "3.5" or "..." alone never make an empty sentence, and a segment boundary
 * of the recogniser is not a sentence end unless it carries punctuation. Known limit: abbreviations such as "e.g."
 * or "M." end a sentence.
 */
export function sentenceLengths(tokens: readonly Token[]): number[] {
  const lengths: number[] = [];
  let current = 0;
  tokens.forEach((_, index) => {
    current += 1;
    if (endsSentence(tokens, index)) {
      lengths.push(current);
      current = 0;
    }
  });
  return lengths;
}

export function measureSentences(tokens: readonly Token[]): SentenceStats {
  const lengths = sentenceLengths(tokens);
  const sentences = lengths.length;
  return {
    sentences,
    avgSentenceWords: sentences === 0 ? 0 : roundToTenth(tokens.length / sentences),
    longSentences: lengths.filter((length) => length > LONG_SENTENCE_WORDS).length,
  };
}
