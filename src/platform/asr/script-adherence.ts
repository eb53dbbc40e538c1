import type { ScriptAdherence } from './asr-engine.js';
import type { TimedWord } from './pocketsphinx-output.js';

/**
 * Compares what was said with the script by their longest common subsequence: script words outside it were skipped
 * (reported as passages: consecutive runs), spoken words outside it were added (with their times). `fellBack` says
 * the transcript came from free recognition because the take departed from the script.
 */
export function measureAdherence(script: readonly string[], spoken: readonly TimedWord[], fellBack = false): ScriptAdherence {
  const pairs = longestCommonSubsequence(script, spoken.map((word) => word.text));
  const matchedScript = new Set(pairs.map(([i]) => i));
  const matchedSpoken = new Set(pairs.map(([, j]) => j));
  const skipped: ScriptAdherence['skipped'] = [];
  for (let i = 0; i < script.length; i += 1) {
    if (matchedScript.has(i)) continue;
    const last = skipped[skipped.length - 1];
    if (last && last.toWord === i - 1) {
      last.toWord = i;
      last.text += ` ${script[i]}`;
    } else skipped.push({ fromWord: i, toWord: i, text: script[i]! });
  }
  const added = spoken
    .map((word, j) => ({ word, j }))
    .filter(({ j }) => !matchedSpoken.has(j))
    .map(({ word }) => ({ tStartMs: word.tStartMs, tEndMs: word.tEndMs, text: word.text }));
  return { coverage: script.length === 0 ? 1 : pairs.length / script.length, skipped, added, fellBack };
}

/** Share of the spoken words that follow the script, in its order (1 when nothing was heard). */
export function shareFollowingScript(script: readonly string[], spoken: readonly TimedWord[]): number {
  if (spoken.length === 0) return 1;
  return longestCommonSubsequence(script, spoken.map((word) => word.text)).length / spoken.length;
}

/**
 * Runs of consecutive spoken words that are outside the script's longest common subsequence, as index ranges into
 * `spoken` (inclusive).
 */
export function unmatchedRuns(script: readonly string[], spoken: readonly TimedWord[]): Array<{ from: number; to: number }> {
  const matched = new Set(longestCommonSubsequence(script, spoken.map((word) => word.text)).map(([, j]) => j));
  const runs: Array<{ from: number; to: number }> = [];
  spoken.forEach((_, j) => {
    if (matched.has(j)) return;
    const last = runs[runs.length - 1];
    if (last && last.to === j - 1) last.to = j;
    else runs.push({ from: j, to: j });
  });
  return runs;
}

/** Index pairs (script, spoken) of one longest common subsequence; O(n·m), fine for talks of a few thousand words. */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i += 1;
    else j += 1;
  }
  return pairs;
}
