import type { ScriptAdherence } from './asr-engine.js';
import type { TimedWord } from './pocketsphinx-output.js';

/**
 * Compares what was said with the script by their longest common subsequence: script words outside it were skipped
 * (reported as passages: consecutive runs), spoken words outside it were added (with their times).
 */
export function measureAdherence(script: readonly string[], spoken: readonly TimedWord[]): ScriptAdherence {
  const lcs = longestCommonSubsequence(script, spoken.map((word) => word.text));
  const matchedScript = new Set(lcs.map(([i]) => i));
  const matchedSpoken = new Set(lcs.map(([, j]) => j));
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
  return { coverage: script.length === 0 ? 1 : lcs.length / script.length, skipped, added };
}

/** Index pairs (script, spoken) of one longest common subsequence; O(n·m), fine for talks of a few thousand words. */
function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Array<[number, number]> {
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
