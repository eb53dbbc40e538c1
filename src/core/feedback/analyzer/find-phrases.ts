import type { Phrase, PhraseEntry } from './lexicon.js';
import {
  endsQuestion,
  endsSentence,
  followsWithOnlySpace,
  isSetOffAfter,
  isSetOffBefore,
  startsSentence,
} from './token-context.js';
import type { Token } from './tokenize.js';

/** One phrase found in the text: its entry's label and the token range it covers (inclusive). */
export interface PhraseHit {
  label: string;
  firstToken: number;
  lastToken: number;
}

interface Candidate {
  entry: PhraseEntry;
  form: Phrase;
}

/**
 * Phrases are matched on whole tokens, never on substrings: "sorting" is not "sort", "coupé" is not "coup". The scan
 * goes left to right; at each word the longest matching spelling wins ("okay so" before "so") and its words are
 * consumed, so one word is never counted twice.
 */
export function findPhrases(tokens: readonly Token[], entries: readonly PhraseEntry[]): PhraseHit[] {
  const candidates = candidatesLongestFirst(entries);
  const hits: PhraseHit[] = [];
  let index = 0;
  while (index < tokens.length) {
    const match = candidates.find((candidate) => matchesAt(tokens, index, candidate));
    if (match) {
      hits.push({ label: match.entry.label, firstToken: index, lastToken: index + match.form.length - 1 });
      index += match.form.length;
    } else {
      index += 1;
    }
  }
  return hits;
}

/** True when the words of `phrase` are the tokens from `first` on, separated by spaces only. */
export function spellsPhraseAt(tokens: readonly Token[], first: number, phrase: Phrase): boolean {
  const last = first + phrase.length - 1;
  if (first < 0 || last >= tokens.length) return false;
  for (let offset = 0; offset < phrase.length; offset += 1) {
    if (tokens[first + offset]!.norm !== phrase[offset]) return false;
    if (offset > 0 && !followsWithOnlySpace(tokens, first + offset)) return false;
  }
  return true;
}

/** The indexes of every token inside the hits. */
export function tokenIndexesOf(hits: readonly PhraseHit[]): Set<number> {
  const indexes = new Set<number>();
  for (const hit of hits) for (let index = hit.firstToken; index <= hit.lastToken; index += 1) indexes.add(index);
  return indexes;
}

/** Every spelling of every entry, longest first; the sort is stable, so equal lengths keep the lexicon's order. */
function candidatesLongestFirst(entries: readonly PhraseEntry[]): Candidate[] {
  const candidates = entries.flatMap((entry) => entry.forms.map((form) => ({ entry, form })));
  return candidates.sort((a, b) => b.form.length - a.form.length);
}

function matchesAt(tokens: readonly Token[], first: number, { entry, form }: Candidate): boolean {
  return spellsPhraseAt(tokens, first, form) && standsWhereItCounts(tokens, first, first + form.length - 1, entry);
}

function standsWhereItCounts(tokens: readonly Token[], first: number, last: number, entry: PhraseEntry): boolean {
  if (followsOneOf(tokens, first, entry.notAfter) || precedesOneOf(tokens, last, entry.notBefore)) return false;
  switch (entry.position) {
    case 'anywhere':
      return true;
    case 'sentence_start':
      return startsSentence(tokens, first);
    case 'sentence_end_not_question':
      return endsSentence(tokens, last) && !endsQuestion(tokens, last);
    case 'set_off_or_sentence_start':
      return isSetOffAfter(tokens, last) || isSetOffBefore(tokens, first) || startsSentence(tokens, first);
  }
}

/** True when the previous word, in the same sentence, is one of `words`. */
function followsOneOf(tokens: readonly Token[], index: number, words: readonly string[]): boolean {
  return words.length > 0 && !startsSentence(tokens, index) && words.includes(tokens[index - 1]!.norm);
}

/** True when the next word, in the same sentence, is one of `words`. */
function precedesOneOf(tokens: readonly Token[], index: number, words: readonly string[]): boolean {
  return words.length > 0 && !endsSentence(tokens, index) && words.includes(tokens[index + 1]!.norm);
}
