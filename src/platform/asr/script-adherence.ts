import type { ScriptAdherence } from './asr-engine.js';
import type { TimedWord } from './pocketsphinx-output.js';

/**
 * Compares what was said with the script by their longest common subsequence: script words outside it were skipped,
 * spoken words outside it were added; both are reported as passages (consecutive runs). A skipped passage is placed
 * where it would have come: just after the spoken word matching the script word before it (else just before the one
 * matching the word after it). `fellBack` says the transcript came from free recognition because the take departed
 * from the script.
 */
export function measureAdherence(script: readonly string[], spoken: readonly TimedWord[], fellBack = false): ScriptAdherence {
  const pairs = longestCommonSubsequence(script, spoken.map((word) => word.text));
  const spokenOfScript = new Map(pairs.map(([i, j]) => [i, spoken[j]!]));
  const matchedSpoken = new Set(pairs.map(([, j]) => j));
  const skipped = runsOf(script.length, (i) => !spokenOfScript.has(i)).map(({ from, to }) => ({
    fromWord: from,
    toWord: to,
    text: script.slice(from, to + 1).join(' '),
    atMs: placeOfSkipped(spokenOfScript, from, to),
  }));
  const added = runsOf(spoken.length, (j) => !matchedSpoken.has(j)).map(({ from, to }) => ({
    tStartMs: Math.round(spoken[from]!.tStartMs),
    tEndMs: Math.round(spoken[to]!.tEndMs),
    text: spoken.slice(from, to + 1).map((word) => word.text).join(' '),
  }));
  return { coverage: script.length === 0 ? 1 : pairs.length / script.length, skipped, added, fellBack };
}

function placeOfSkipped(spokenOfScript: ReadonlyMap<number, TimedWord>, from: number, to: number): number | null {
  const before = spokenOfScript.get(from - 1);
  if (before) return Math.round(before.tEndMs);
  const after = spokenOfScript.get(to + 1);
  return after ? Math.round(after.tStartMs) : null;
}

/** Runs of consecutive indexes in 0..length-1 where `outside` holds, inclusive. */
function runsOf(length: number, outside: (index: number) => boolean): Array<{ from: number; to: number }> {
  const runs: Array<{ from: number; to: number }> = [];
  for (let index = 0; index < length; index += 1) {
    if (!outside(index)) continue;
    const last = runs[runs.length - 1];
    if (last && last.to === index - 1) last.to = index;
    else runs.push({ from: index, to: index });
  }
  return runs;
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
  return runsOf(spoken.length, (j) => !matched.has(j));
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
