import type { Language } from './analyzer-input.js';
import { EN_LEXICON } from './lexicon-en.js';
import { FR_LEXICON } from './lexicon-fr.js';
import { tokenize } from './tokenize.js';

/**
 * Where a phrase must stand to count. Many fillers and hedges are also ordinary words ("like", "so", "quoi",
 * "genre"), so an entry may say where it counts; the rules are about punctuation, which the recogniser or the typist
 * wrote.
 * - `anywhere` (the default): always counts (um, euh, you know, du coup, maybe...).
 * - `sentence_start`: only as the first word of a sentence ("So, ..." / "Bon, ..."), not "it was so good".
 * - `sentence_end_not_question`: only as the last word of a sentence that is not a question ("c'est bien, quoi."),
 *   not "tu fais quoi ?".
 * - `set_off_or_sentence_start`: followed by a comma-like mark, preceded by one, or first in its sentence
 *   ("it was, like, huge", "like, you know", "Like I said"), not "I like it". Known misses: "apples, like pears"
 *   and "Like most people" count; an unpunctuated filler "it was like huge" does not.
 */
export type PhrasePosition = 'anywhere' | 'sentence_start' | 'sentence_end_not_question' | 'set_off_or_sentence_start';

/** One entry as a language file writes it: its spellings as plain text, tokenized the way a transcript is. */
export interface PhraseEntrySource {
  /** The name the speaker sees (the key of `fillerBreakdown`, a hedge's label): one label for all spellings. */
  label: string;
  /** Spellings in lowercase; a phrase matches whole words in a row, separated by spaces only. */
  forms: readonly string[];
  position?: PhrasePosition;
  /** The phrase does not count right after one of these words in the same sentence ("what kind of", "ce genre de"). */
  notAfter?: readonly string[];
  /** The phrase does not count right before one of these words in the same sentence ("I think about it"). */
  notBefore?: readonly string[];
}

/** A language's word lists, one file per language (lexicon-en.ts, lexicon-fr.ts). */
export interface LexiconSource {
  fillers: readonly PhraseEntrySource[];
  /** Words that soften a claim ("I think", "maybe", "peut-être"). */
  hedges: readonly PhraseEntrySource[];
  /** What a weak start of a talk is made of ("so", "um", "okay"): the talk's first words, any number of them. */
  weakOpeners: readonly string[];
  /** What a weak end is made of ("that's it", "so yeah"): the talk's last words, before any sign-off. */
  weakClosers: readonly string[];
  /** Thanks at the very end, neither weak nor strong: skipped when looking for the weak closer. */
  signOffs: readonly string[];
  /** Articles and possessives: a repeated phrase never starts or ends with one ("the checklist" is the word "checklist"). */
  determiners: readonly string[];
  /** Words too common to be a repeated term (see repetitions.ts). */
  stopwords: readonly string[];
}

/** A spelling as the words it is made of (each a token's `norm`). */
export type Phrase = readonly string[];

export interface PhraseEntry {
  label: string;
  forms: readonly Phrase[];
  position: PhrasePosition;
  notAfter: readonly string[];
  notBefore: readonly string[];
}

export interface Lexicon {
  fillers: readonly PhraseEntry[];
  hedges: readonly PhraseEntry[];
  weakOpeners: readonly Phrase[];
  weakClosers: readonly Phrase[];
  signOffs: readonly Phrase[];
  determiners: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
}

/**
 * The lists are written as text and cut into words by the transcript's own tokenizer, so a list and a transcript
 * always agree on what a word is ("c'est" and "peut-être" are one word each) and matching is by whole words only:
 * "um" never matches inside "umbrella".
 */
export function compileLexicon(source: LexiconSource): Lexicon {
  return {
    fillers: source.fillers.map(compileEntry),
    hedges: source.hedges.map(compileEntry),
    weakOpeners: source.weakOpeners.map(phraseOf),
    weakClosers: source.weakClosers.map(phraseOf),
    signOffs: source.signOffs.map(phraseOf),
    determiners: new Set(source.determiners),
    stopwords: new Set(source.stopwords),
  };
}

function compileEntry(entry: PhraseEntrySource): PhraseEntry {
  return {
    label: entry.label,
    forms: entry.forms.map(phraseOf),
    position: entry.position ?? 'anywhere',
    notAfter: entry.notAfter ?? [],
    notBefore: entry.notBefore ?? [],
  };
}

function phraseOf(text: string): Phrase {
  const words = tokenize(text).map((token) => token.norm);
  if (words.length === 0 || text !== text.toLowerCase()) throw new Error(`Lexicon spelling "${text}" must be lowercase words.`);
  return words;
}

export const LEXICONS: Record<Language, Lexicon> = { en: compileLexicon(EN_LEXICON), fr: compileLexicon(FR_LEXICON) };
