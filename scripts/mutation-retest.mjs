// Retesting only the survivors of a group's last mutation run (`npm run mutation -- <group> --retest-survivors`): after
// tests are added for what survived, a full run of a large group costs most of an hour, while the lines that held
// survivors take minutes. Stryker mutates the spans of those survivors again (every mutant inside them, with the
// current tests); a survivor of the last run that the retest kills is counted killed in the group's report, with the
// date of the retest.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { originalText } from './mutation-report.mjs';

const ALIVE = new Set(['Survived', 'NoCoverage']);
const KILLED = new Set(['Killed', 'Timeout']);

/**
 * The line of the current file that holds what `oldLine` held in the report's copy of the source: the same text,
 * nearest to where it was (code above it may have grown or shrunk since the run), or null when the line is gone.
 */
function currentLineNumber(currentLines, oldLine, oldNumber) {
  let best = null;
  currentLines.forEach((line, index) => {
    if (line !== oldLine) return;
    if (best === null || Math.abs(index + 1 - oldNumber) < Math.abs(best - oldNumber)) best = index + 1;
  });
  return best;
}

/**
 * Stryker `mutate` entries (`file:line:column-line:column`) for the span of every survivor of the last run, where
 * that code is now. The span is widened by a column on each side: Stryker reads the columns of a range as 0-based
 * while the report counts from 1, and one column more costs at most a mutant or two.
 */
export function survivorRanges(report, root) {
  const entries = new Set();
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    const oldLines = source.split('\n');
    const currentLines = readFileSync(path, 'utf8').split('\n');
    for (const mutant of mutants.filter((m) => ALIVE.has(m.status))) {
      const { start, end } = mutant.location;
      const first = currentLineNumber(currentLines, oldLines[start.line - 1], start.line);
      if (first === null) continue;
      entries.add(`${file}:${first}:${Math.max(0, start.column - 2)}-${first + (end.line - start.line)}:${end.column + 1}`);
    }
  }
  return [...entries].sort();
}

const sameMutant = (a, aSource, b, bSource) =>
  a.mutatorName === b.mutatorName && a.replacement === b.replacement && originalText(aSource, a.location) === originalText(bSource, b.location);

/**
 * The group's report with each survivor the retest killed marked killed (`statusReason` says when), and the number
 * killed. A survivor is matched by its mutator, its original text and its replacement, never by line number.
 */
export function mergeRetest(report, retest, retestedAt) {
  let killed = 0;
  const files = {};
  for (const [file, entry] of Object.entries(report.files)) {
    const again = retest.files[file];
    const mutants = entry.mutants.map((mutant) => {
      if (!ALIVE.has(mutant.status) || !again) return mutant;
      const match = again.mutants.find((other) => sameMutant(mutant, entry.source, other, again.source));
      if (!match || !KILLED.has(match.status)) return mutant;
      killed += 1;
      return { ...mutant, status: match.status, statusReason: `killed when the survivors were retested on ${retestedAt.slice(0, 10)}`, killedBy: match.killedBy };
    });
    files[file] = { ...entry, mutants };
  }
  return { report: { ...report, files }, killed };
}
