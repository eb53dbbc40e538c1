/** The script as the recognizer's vocabulary sees it: lowercase words, punctuation dropped, apostrophes kept. */
export function scriptWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 0);
}
