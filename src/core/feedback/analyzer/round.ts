/**
 * Ratios are published with one decimal, and the score is computed from the published values, so anyone can redo
 * the score from the metrics they see. Math.round rounds halves up; every value rounded here is non-negative.
 */
export function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
