/** Rounds for reporting: metrics are stored as JSON and shown to people, where 15 digits are noise. */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
