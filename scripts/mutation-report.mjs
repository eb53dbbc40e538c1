// Writes the "mutation" section of docs/benchmarks.md from StrykerJS's JSON reports (one per group): the score of each
// group and file, and every surviving or uncovered mutant with the reason it is left alive (scripts/mutation-survivors.mjs).
import { writeReportSection } from '../bench/report-section.ts';
import { SURVIVOR_NOTES } from './mutation-survivors.mjs';

const KILLED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** The mutated source text of a mutant (its first line when it spans several). */
export function originalText(source, location) {
  const lines = source.split('\n');
  const { start, end } = location;
  const line = lines[start.line - 1] ?? '';
  return start.line === end.line ? line.slice(start.column - 1, end.column - 1) : `${line.slice(start.column - 1).trimEnd()} …`;
}

function tally(mutants) {
  const count = (status) => mutants.filter((mutant) => mutant.status === status).length;
  const counted = mutants.filter((mutant) => COUNTED.has(mutant.status)).length;
  const killed = mutants.filter((mutant) => KILLED.has(mutant.status)).length;
  const covered = counted - count('NoCoverage');
  return {
    mutants: counted,
    killed: count('Killed'),
    timeout: count('Timeout'),
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
    score: counted === 0 ? null : (100 * killed) / counted,
    coveredScore: covered === 0 ? null : (100 * killed) / covered,
  };
}

const percent = (value) => (value === null ? '-' : `${value.toFixed(1)}%`);
const code = (text) => `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 100)}\``;

/** A note names a file and a mutator, and the original text and replacement unless it covers every such mutant there. */
function noteFor(file, mutant, from) {
  return SURVIVOR_NOTES.find(
    (note) =>
      note.file === file &&
      note.mutator === mutant.mutatorName &&
      (note.from === undefined || note.from === from.trim()) &&
      (note.to === undefined || note.to === mutant.replacement),
  );
}

/** Replaces the section; returns a one-paragraph summary for the console. */
export function writeMutationSection(runs) {
  const groupRows = [];
  const fileRows = [];
  const survivorRows = [];
  let unexplained = 0;
  const all = [];
  for (const { group, report, run } of runs) {
    const groupMutants = [];
    for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
      groupMutants.push(...mutants);
      const t = tally(mutants);
      fileRows.push(`| ${group} | \`${file}\` | ${t.mutants} | ${t.killed + t.timeout} | ${t.survived} | ${t.noCoverage} | ${percent(t.score)} |`);
      for (const mutant of mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').sort((a, b) => a.location.start.line - b.location.start.line)) {
        const from = originalText(source, mutant.location);
        const note = noteFor(file, mutant, from);
        if (!note) unexplained += 1;
        const status = mutant.status === 'NoCoverage' ? 'not covered' : 'survived';
        const why = note ? `${note.verdict}: ${note.why}` : '**unexplained**';
        survivorRows.push(`| \`${file}:${mutant.location.start.line}\` | ${status} | ${mutant.mutatorName} ${code(from)} → ${code(mutant.replacement)} | ${why} |`);
      }
    }
    all.push(...groupMutants);
    const t = tally(groupMutants);
    const minutes = (run.seconds / 60).toFixed(1);
    groupRows.push(`| ${group} | ${Object.keys(report.files).length} | ${t.mutants} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${percent(t.score)} | ${percent(t.coveredScore)} | ${minutes} min (${run.finishedAt.slice(0, 10)}) |`);
  }
  const total = tally(all);
  const markdown = `
## Mutation testing (StrykerJS)

Written by \`npm run mutation\` (scripts/mutation.mjs; not run by \`npm test\` or CI). StrykerJS ${runs[0]?.report.framework?.version ?? ''} with its
tap runner: each test file of a group runs in its own Node process, and a mutant reruns only the files that reached it.
Score = mutants killed (a test failed, or the run timed out) / all mutants; "covered" leaves out mutants no test of
the group reaches. Run time is wall time on the project machine (2 cores shared with other work, so it varies).
Decision record: docs/decisions/0010-mutation-testing-with-stryker.md.

| group | files | mutants | killed | timed out | survived | not covered | score | covered score | run time |
|---|---|---|---|---|---|---|---|---|---|
${groupRows.join('\n')}
| **all groups** | | ${total.mutants} | ${total.killed} | ${total.timeout} | ${total.survived} | ${total.noCoverage} | ${percent(total.score)} | ${percent(total.coveredScore)} | |

### Score by file

| group | file | mutants | killed | survived | not covered | score |
|---|---|---|---|---|---|---|
${fileRows.join('\n')}

### Mutants left alive, and why

Every mutant still alive after the last run, with the reason it is left (scripts/mutation-survivors.mjs):
*equivalent* means no input can tell the mutant from the code; *not worth killing* says what a test would have to
pin and why that is not a behaviour a user relies on.

| where | status | mutation | why it is left |
|---|---|---|---|
${survivorRows.join('\n') || '| - | - | none | - |'}
`;
  writeReportSection(new URL('../docs/benchmarks.md', import.meta.url), 'mutation', markdown);
  return `Mutation score ${percent(total.score)} over ${total.mutants} mutants (${total.survived} survived, ${total.noCoverage} not covered, ${unexplained} unexplained).`;
}
