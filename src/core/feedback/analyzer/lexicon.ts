import type { Language } from './analyzer-input.js';
import { EN_LEXICON } from './lexicon-en.js';
import { FR_LEXICON } from './lexicon-fr.js';
import type { LexiconSource, PhraseEntrySource, PhrasePosition } from './lexicon-source.js';
import { tokenize } from './tokenize.js';

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
