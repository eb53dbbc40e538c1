import type { Language } from './analyzer-input.js';
import { compareText } from './compare-text.js';
import { FILLER_LEXICON, type FillerEntry } from './filler-lexicon.js';
import {
  endsQuestion,
  endsSentence,
  followsWithOnlySpace,
  isSetOffAfter,
  isSetOffBefore,
  startsSentence,
} from './token-context.js';
import type { Token } from './tokenize.js';

/** One filler found in the text: its lexicon label and the token range it covers (inclusive). */
export interface FillerHit {
  label: string;
  firstToken: number;
  lastToken: number;
}

interface Candidate {
  entry: FillerEntry;
  form: readonly string[];
}

/**
 * Fillers are matched on whole tokens, never on substrings: "sorting" is not "sort", "coupé" is not "coup". The scan
 * goes left to right; at each word the longest matching spelling wins ("okay so" before "so") and its words are
 * consumed, so one word is never counted twice.
 */
export function findFillers(tokens: readonly Token[], language: Language): FillerHit[] {
  const candidates = candidatesLongestFirst(language);
  const hits: FillerHit[] = [];
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

/** Every spelling of every entry, longest first; the sort is stable, so equal lengths keep the lexicon's order. */
function candidatesLongestFirst(language: Language): Candidate[] {
  const candidates = FILLER_LEXICON[language].flatMap((entry) => entry.forms.map((form) => ({ entry, form })));
  return candidates.sort((a, b) => b.form.length - a.form.length);
}

function matchesAt(tokens: readonly Token[], first: number, { entry, form }: Candidate): boolean {
  const last = first + form.length - 1;
  if (last >= tokens.length) return false;
  for (let offset = 0; offset < form.length; offset += 1) {
    if (tokens[first + offset]!.norm !== form[offset]) return false;
    if (offset > 0 && !followsWithOnlySpace(tokens, first + offset)) return false;
  }
  return standsWhereItIsAFiller(tokens, first, last, entry);
}

function standsWhereItIsAFiller(tokens: readonly Token[], first: number, last: number, entry: FillerEntry): boolean {
  if (entry.notAfter && followsOneOf(tokens, first, entry.notAfter)) return false;
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
  return !startsSentence(tokens, index) && words.includes(tokens[index - 1]!.norm);
}

/** Counts per label, keys in a locale-independent order so the JSON reads the same on every machine. */
export function fillerBreakdown(hits: readonly FillerHit[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(hit.label, (counts.get(hit.label) ?? 0) + 1);
  const labels = [...counts.keys()].sort(compareText);
  return Object.fromEntries(labels.map((label) => [label, counts.get(label)!]));
}

/** The indexes of every token inside a filler. */
export function fillerTokenIndexes(hits: readonly FillerHit[]): Set<number> {
  const indexes = new Set<number>();
  for (const hit of hits) for (let index = hit.firstToken; index <= hit.lastToken; index += 1) indexes.add(index);
  return indexes;
}
