/**
 * The shape of a language's word lists as its file writes them (lexicon-en.ts, lexicon-fr.ts); lexicon.ts compiles
 * them. On its own so the language files and the compiler do not import each other.
 */

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
