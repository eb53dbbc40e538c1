/**
 * A bigram language model of the speaker's script, in the ARPA text format pocketsphinx reads (`-lm`): after each
 * word, the word that follows it in the script gets most of the probability (FOLLOW_MASS), and the rest backs off to
 * every word of the script alike. The decoder therefore follows the script where the speaker does, and can still
 * skip, repeat, restart or reorder passages, where a grammar either fails the whole utterance (strict order) or
 * loses the speaker in its own search space (every word optional): see docs/decisions/0011 for the measurements.
 *
 * The model is the classic one forced aligners build from a known text (Gentle builds one the same way); its words
 * are only the script's, so speech outside the script comes back as script words: the engine checks how well the
 * result follows the script and falls back to free recognition where it does not.
 */
export const FOLLOW_MASS = 0.9;

const SENTENCE_START = '<s>';
const SENTENCE_END = '</s>';

export function scriptLanguageModel(words: readonly string[]): string {
  if (words.length === 0) throw new RangeError('a script language model needs at least one word');
  const vocabulary = [...new Set(words), SENTENCE_END];
  const unigram = 1 / vocabulary.length;
  const followers = followersOf(words);
  const bigrams: string[] = [];
  const backoff = new Map<string, number>();
  for (const [word, next] of followers) {
    const total = [...next.values()].reduce((sum, count) => sum + count, 0);
    for (const [follower, count] of next) bigrams.push(`${log10((FOLLOW_MASS * count) / total)} ${word} ${follower}`);
    // The probability left to the other words is spread like the unigrams that are not already followers (when every
    // word follows this one somewhere in the script, nothing is left to back off to).
    const rest = 1 - next.size * unigram;
    backoff.set(word, rest > 0 ? Math.log10((1 - FOLLOW_MASS) / rest) : 0);
  }
  const unigrams = [
    `-99 ${SENTENCE_START} ${backoff.get(SENTENCE_START)!.toFixed(4)}`,
    ...vocabulary.map((word) => (word === SENTENCE_END ? `${log10(unigram)} ${word}` : `${log10(unigram)} ${word} ${(backoff.get(word) ?? 0).toFixed(4)}`)),
  ];
  return [
    '\\data\\',
    `ngram 1=${unigrams.length}`,
    `ngram 2=${bigrams.length}`,
    '',
    '\\1-grams:',
    ...unigrams,
    '',
    '\\2-grams:',
    ...bigrams,
    '',
    '\\end\\',
    '',
  ].join('\n');
}

/** For each word (and the start), the words that follow it in the script, with how often. */
function followersOf(words: readonly string[]): Map<string, Map<string, number>> {
  const followers = new Map<string, Map<string, number>>();
  const add = (word: string, next: string) => {
    const counts = followers.get(word) ?? new Map<string, number>();
    counts.set(next, (counts.get(next) ?? 0) + 1);
    followers.set(word, counts);
  };
  add(SENTENCE_START, words[0]!);
  words.forEach((word, index) => add(word, words[index + 1] ?? SENTENCE_END));
  return followers;
}

function log10(probability: number): string {
  return Math.log10(probability).toFixed(4);
}
