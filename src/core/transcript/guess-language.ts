import type { Locale } from '../../contracts/locale.js';
/**
 * English or French, from the share of very common words of each language. Used for typed text, where no engine
 * told us the language; fillers and stopwords depend on it. Ties go to English.
 */
const FRENCH = new Set(['le', 'la', 'les', 'de', 'des', 'du', 'et', 'un', 'une', 'est', 'que', 'qui', 'pour', 'dans', 'nous', 'vous', 'pas', 'sur', 'avec', 'ce', 'cette', 'je', 'il', 'elle', 'au', 'aux', 'en', 'on']);
const ENGLISH = new Set(['the', 'and', 'of', 'to', 'a', 'is', 'that', 'for', 'in', 'we', 'you', 'it', 'this', 'with', 'on', 'are', 'be', 'not', 'have', 'i', 'our', 'will', 'what', 'they']);

export function guessLanguage(text: string): Locale {
  let fr = 0;
  let en = 0;
  for (const word of text.toLowerCase().normalize('NFC').split(/[^\p{L}’']+/u)) {
    if (FRENCH.has(word)) fr += 1;
    if (ENGLISH.has(word)) en += 1;
  }
  return fr > en ? 'fr' : 'en';
}
