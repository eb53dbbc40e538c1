import type { Language } from './analyzer-input.js';

/**
 * Where a filler must stand to count. Many fillers are also ordinary words ("like", "so", "quoi", "genre"), so the
 * lexicon says where they are fillers; the rules are about punctuation, which the recogniser or the typist wrote.
 * - `anywhere`: always a filler (um, euh, you know, du coup...).
 * - `sentence_start`: only as the first word of a sentence ("So, ..." / "Bon, ..."), not "it was so good".
 * - `sentence_end_not_question`: only as the last word of a sentence that is not a question ("c'est bien, quoi."),
 *   not "tu fais quoi ?".
 * - `set_off_or_sentence_start`: followed by a comma-like mark, preceded by one, or first in its sentence
 *   ("it was, like, huge", "like, you know", "Like I said"), not "I like it". Known misses: "apples, like pears"
 *   and "Like most people" count; an unpunctuated filler "it was like huge" does not.
 */
export type FillerPosition = 'anywhere' | 'sentence_start' | 'sentence_end_not_question' | 'set_off_or_sentence_start';

export interface FillerEntry {
  /** The key of `fillerBreakdown`: one label for all spellings of the filler. */
  label: string;
  /** Spellings, each as its lowercase words; a phrase matches whole words in a row, separated by spaces only. */
  forms: readonly (readonly string[])[];
  position: FillerPosition;
  /** The filler does not count right after one of these words in the same sentence ("what kind of", "ce genre de"). */
  notAfter?: readonly string[];
}

/** Determiners before "kind of"/"sort of" make them a noun phrase ("a kind of tree"), not a hedge ("kind of slow"). */
const EN_DETERMINERS = ['a', 'the', 'this', 'that', 'what', 'which', 'any', 'some', 'every', 'each', 'one', 'same', 'another', 'no'];

/** Before "genre", these make it the noun ("ce genre de film", "un genre musical"), not the filler. */
const FR_DETERMINERS = ['ce', 'cet', 'un', 'le', 'quel', 'quelque', 'mon', 'ton', 'son', 'notre', 'votre', 'leur', 'même', 'tout', 'nouveau', 'autre'];

const EN_FILLERS: readonly FillerEntry[] = [
  { label: 'um', forms: [['um'], ['umm'], ['uhm']], position: 'anywhere' },
  { label: 'uh', forms: [['uh'], ['uhh']], position: 'anywhere' },
  { label: 'erm', forms: [['erm'], ['er']], position: 'anywhere' },
  { label: 'hmm', forms: [['hmm'], ['hm']], position: 'anywhere' },
  { label: 'like', forms: [['like']], position: 'set_off_or_sentence_start' },
  { label: 'you know', forms: [['you', 'know']], position: 'anywhere' },
  { label: 'I mean', forms: [['i', 'mean']], position: 'anywhere' },
  { label: 'sort of', forms: [['sort', 'of']], position: 'anywhere', notAfter: EN_DETERMINERS },
  { label: 'kind of', forms: [['kind', 'of']], position: 'anywhere', notAfter: EN_DETERMINERS },
  { label: 'basically', forms: [['basically']], position: 'anywhere' },
  { label: 'actually', forms: [['actually']], position: 'anywhere' },
  { label: 'literally', forms: [['literally']], position: 'anywhere' },
  { label: 'okay so', forms: [['okay', 'so'], ['ok', 'so']], position: 'anywhere' },
  { label: 'so', forms: [['so']], position: 'sentence_start' },
];

const FR_FILLERS: readonly FillerEntry[] = [
  { label: 'euh', forms: [['euh'], ['heu'], ['euuh']], position: 'anywhere' },
  { label: 'hum', forms: [['hum'], ['hmm']], position: 'anywhere' },
  { label: 'bah', forms: [['bah']], position: 'anywhere' },
  { label: 'ben', forms: [['ben']], position: 'anywhere' },
  { label: 'genre', forms: [['genre']], position: 'anywhere', notAfter: FR_DETERMINERS },
  { label: 'du coup', forms: [['du', 'coup']], position: 'anywhere' },
  { label: 'en fait', forms: [['en', 'fait']], position: 'anywhere' },
  // "voila" without the accent: recognisers and quick typists drop it.
  { label: 'voilà', forms: [['voilà'], ['voila']], position: 'anywhere' },
  { label: 'tu vois', forms: [['tu', 'vois']], position: 'anywhere' },
  { label: 'tu sais', forms: [['tu', 'sais']], position: 'anywhere' },
  { label: 'vous voyez', forms: [['vous', 'voyez']], position: 'anywhere' },
  { label: 'quoi', forms: [['quoi']], position: 'sentence_end_not_question' },
  { label: 'bon', forms: [['bon']], position: 'sentence_start' },
];

export const FILLER_LEXICON: Record<Language, readonly FillerEntry[]> = { en: EN_FILLERS, fr: FR_FILLERS };

