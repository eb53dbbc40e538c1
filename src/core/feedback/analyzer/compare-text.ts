/**
 * Plain UTF-16 order, not localeCompare: the order of ties (repeated terms, breakdown keys) must be the same on
 * every machine whatever its locale or ICU data. "é" sorts after "z" this way, which is fine for a tie-break.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
