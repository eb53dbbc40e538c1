import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { mergeRetest, survivorRanges, type MutationReport, type ReportMutant } from '../../scripts/mutation-retest.mjs';
import { makeTempDir } from '../support/temp-dir.js';

// `npm run mutation -- <group> --retest-survivors`: which code is mutated again, and how the retest's verdicts land in
// the group's report. Lines move between the run and the retest, so both go by the code's text.

const OLD_SOURCE = ['export function f(a, b) {', '  return a > b;', '}', ''].join('\n');
const NEW_SOURCE = ['// a comment added since the run', 'export function f(a, b) {', '  return a > b;', '}', ''].join('\n');

function mutant(id: string, status: string, line: number, replacement: string): ReportMutant {
  return { id, mutatorName: 'EqualityOperator', replacement, status, location: { start: { line, column: 10 }, end: { line, column: 15 } } };
}

describe('retesting the survivors of a mutation run', { timeout: 10_000 }, () => {
  test('only the spans that held survivors are mutated again, where that code is now', () => {
    const root = makeTempDir();
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/f.ts'), NEW_SOURCE);
    const report: MutationReport = {
      files: { 'src/f.ts': { source: OLD_SOURCE, mutants: [mutant('1', 'Survived', 2, 'a >= b'), mutant('2', 'Killed', 2, 'a < b')] } },
    };
    assert.deepEqual(survivorRanges(report, root), ['src/f.ts:3:8-3:16']);
  });

  test('a survivor the retest kills counts as killed, with the date; one it does not kill stays alive', () => {
    const report: MutationReport = {
      files: { 'src/f.ts': { source: OLD_SOURCE, mutants: [mutant('1', 'Survived', 2, 'a >= b'), mutant('2', 'Survived', 2, 'a <= b')] } },
    };
    const retest: MutationReport = {
      files: { 'src/f.ts': { source: NEW_SOURCE, mutants: [mutant('7', 'Killed', 3, 'a >= b'), mutant('8', 'Survived', 3, 'a <= b')] } },
    };
    const merged = mergeRetest(report, retest, '2026-11-30T01:00:00.000Z');
    assert.equal(merged.killed, 1);
    assert.deepEqual(
      merged.report.files['src/f.ts']!.mutants.map((m) => [m.id, m.status, m.statusReason ?? null]),
      [
        ['1', 'Killed', 'killed when the survivors were retested on 2026-11-30'],
        ['2', 'Survived', null],
      ],
    );
    assert.equal(report.files['src/f.ts']!.mutants[0]!.status, 'Survived', 'the report given is not modified');
  });
});
