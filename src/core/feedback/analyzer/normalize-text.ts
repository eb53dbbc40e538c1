/**
 * One spelling for the same text, so counts do not depend on the keyboard or the recogniser:
 * - NFC, so "é" typed as e + combining accent is the same letter as the precomposed "é";
 * - every apostrophe variant (’ ‘ ʼ) becomes ', so "aujourd’hui" and "aujourd'hui" are the same word;
 * - hyphen variants (‐ U+2010, ‑ U+2011) become -, so "peut‑être" is "peut-être".
 * Each replacement is one UTF-16 unit for one, so offsets stay meaningful.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/[’‘ʼ]/g, "'").replace(/[‐‑]/g, '-');
}
