import type { Token } from './tokenize.js';

/** Sentence ends: . ! ? and the ellipsis character, plus line breaks (typed notes often have no final dot). */
const SENTENCE_END = /[.!?…\n]/;
/** Marks that set a word off from its neighbours inside a sentence: comma, semicolon, colon, dashes. */
const SET_OFF = /[,;:—–]/;
const ONLY_SPACE = /^\s+$/;

export function startsSentence(tokens: readonly Token[], index: number): boolean {
  return index === 0 || SENTENCE_END.test(tokens[index]!.gapBefore);
}

export function endsSentence(tokens: readonly Token[], index: number): boolean {
  return index === tokens.length - 1 || SENTENCE_END.test(tokens[index]!.gapAfter);
}

/** True when the sentence that ends at this token is a question (its end punctuation holds a "?"). */
export function endsQuestion(tokens: readonly Token[], index: number): boolean {
  return tokens[index]!.gapAfter.includes('?');
}

export function isSetOffBefore(tokens: readonly Token[], index: number): boolean {
  return SET_OFF.test(tokens[index]!.gapBefore);
}

export function isSetOffAfter(tokens: readonly Token[], index: number): boolean {
  return SET_OFF.test(tokens[index]!.gapAfter);
}

/** True when only spaces separate this token from the previous one: the words of a phrase must be adjacent. */
export function followsWithOnlySpace(tokens: readonly Token[], index: number): boolean {
  return ONLY_SPACE.test(tokens[index]!.gapBefore);
}
