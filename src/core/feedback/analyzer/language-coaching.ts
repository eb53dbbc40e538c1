import {
  HEDGE_LABELS_MAX,
  LANGUAGE_MOMENTS_MAX,
  type LanguageCoaching,
  type LanguageMoment,
} from '../../../contracts/feedback-v1.js';
import type { Language } from './analyzer-input.js';
import { findPhrases, tokenIndexesOf, type PhraseHit } from './find-phrases.js';
import { LEXICONS } from './lexicon.js';
import { findRepetitions, type Occurrence } from './repetitions.js';
import type { TokenTiming } from './token-timing.js';
import type { Token } from './tokenize.js';
import { findWeakCloser, findWeakOpener } from './weak-ends.js';

export interface LanguageCoachingInput {
  tokens: readonly Token[];
  /** The analyzed text the tokens' offsets point into (transcript-text.ts). */
  text: string;
  language: Language;
  /** Null for typed text: moments then have no times. */
  timing: TokenTiming | null;
  fillers: readonly PhraseHit[];
}

export interface LanguageFindings {
  coaching: LanguageCoaching;
  /** Token indexes inside hedges: not repeated words, and not fillers either. */
  hedgeTokens: ReadonlySet<number>;
}

/**
 * Language coaching: repetitive words and phrases (repetitions.ts), hedges (the lexicon's `hedges`, grouped by
 * label, most used first, ties by first use), a weak opener and a weak closer (weak-ends.ts). Every finding carries
 * its moments: the words as said and, when the transcript is timed, when.
 */
export function coachLanguage(input: LanguageCoachingInput): LanguageFindings {
  const { tokens, language } = input;
  const hedges = findPhrases(tokens, LEXICONS[language].hedges);
  const hedgeTokens = tokenIndexesOf(hedges);
  const skip = new Set([...tokenIndexesOf(input.fillers), ...hedgeTokens]);
  const momentOf = (occurrence: Occurrence) => moment(input, occurrence);
  const opener = findWeakOpener(tokens, language);
  const closer = findWeakCloser(tokens, language);
  return {
    coaching: {
      repetitions: findRepetitions(tokens, language, skip).map((repetition) => ({
        text: repetition.text,
        kind: repetition.kind,
        count: repetition.occurrences.length,
        moments: repetition.occurrences.slice(0, LANGUAGE_MOMENTS_MAX).map(momentOf),
      })),
      hedges: groupByLabel(hedges)
        .slice(0, HEDGE_LABELS_MAX)
        .map(({ label, hits }) => ({
          text: label,
          count: hits.length,
          moments: hits.slice(0, LANGUAGE_MOMENTS_MAX).map((hit) => momentOf({ first: hit.firstToken, last: hit.lastToken })),
        })),
      weakOpener: opener && momentOf(opener),
      weakCloser: closer && momentOf(closer),
    },
    hedgeTokens,
  };
}

function groupByLabel(hits: readonly PhraseHit[]): { label: string; hits: PhraseHit[] }[] {
  const groups = new Map<string, PhraseHit[]>();
  for (const hit of hits) groups.set(hit.label, [...(groups.get(hit.label) ?? []), hit]);
  // Stable sort: equal counts keep the order of first use.
  return [...groups.entries()].map(([label, grouped]) => ({ label, hits: grouped })).sort((a, b) => b.hits.length - a.hits.length);
}

/** The words from the first token to the last as written (punctuation between them kept), and when they were said. */
function moment(input: LanguageCoachingInput, { first, last }: Occurrence): LanguageMoment {
  const text = input.text.slice(input.tokens[first]!.start, input.tokens[last]!.end).slice(0, 200);
  if (!input.timing) return { tStartMs: null, tEndMs: null, text };
  const start = input.timing.tokenSpans[first]!.tStartMs;
  return { tStartMs: start, tEndMs: Math.max(start, input.timing.tokenSpans[last]!.tEndMs), text };
}
