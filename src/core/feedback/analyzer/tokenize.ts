import { normalizeText } from './normalize-text.js';

/** A word of the text, with the characters around it (punctuation decides sentence starts, set-off fillers...). */
export interface Token {
  /** The word as written, after normalizeText: used for acronyms, which need the original case. */
  raw: string;
  /** `raw` lowercased: what every lexicon and count compares. */
  norm: string;
  /** UTF-16 offsets of the word in the normalized text. */
  start: number;
  end: number;
  /** The text between the previous word (or the start) and this one, and between this one and the next (or the end). */
  gapBefore: string;
  gapAfter: string;
}

/**
 * A word is a run of letters, combining marks and digits in any script, so accents stay inside the word ("été",
 * "déjà"). These joiners keep one word together when a letter or digit is on both sides:
 * - an apostrophe: "aujourd'hui", "l'équipe" and "don't" are one word each, as word processors count them (the
 *   elided article is spoken together with its noun); repeated-term counting strips "l'" and "'s" later;
 * - a hyphen: "peut-être", "state-of-the-art", "COVID-19";
 * - a dot or comma between two digits: "3.5" and "3,5" are one number, not two words and a sentence end.
 * Everything else separates words; a dash or hyphen with a space on either side is punctuation.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const normalized = normalizeText(text);
  const matches = [...normalized.matchAll(WORD)];
  return matches.map((match, i) => {
    const start = match.index;
    const end = start + match[0].length;
    const previousEnd = i === 0 ? 0 : matches[i - 1]!.index + matches[i - 1]![0].length;
    const nextStart = i === matches.length - 1 ? normalized.length : matches[i + 1]!.index;
    return {
      raw: match[0],
      // toLowerCase, not toLocaleLowerCase: the result must not depend on the machine's locale (Turkish dotted i).
      norm: match[0].toLowerCase(),
      start,
      end,
      gapBefore: normalized.slice(previousEnd, start),
      gapAfter: normalized.slice(end, nextStart),
    };
  });
}
