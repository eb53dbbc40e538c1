import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { runCli, runCliIntoClosedPipe } from '../support/cli.js';
import { fingerprintTree } from '../support/file-tree.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('lectern CLI', () => {
  test('--help lists the commands and exits 0', () => {
    const result = runCli(['--help']);
    assert.equal(result.status, 0);
    for (const command of ['start', 'invoke', 'diagnose']) assert.match(result.stdout, new RegExp(command));
  });

  test('every command exits quietly with its own status when the reader of its output goes away (EPIPE)', () => {
    const dir = join(makeTempDir(), 'data');
    assert.equal(runCli(['invoke', 'profile_create', '{"name":"Ada"}', '--data-dir', dir]).status, 0);
    assert.equal(runCli(['snapshot', 'create', '--data-dir', dir]).status, 0);
    for (const args of [['snapshot', 'list'], ['snapshot', 'verify'], ['diagnose', '--all'], ['quarantine', 'list'], ['invoke', 'profile_list']]) {
      const result = runCliIntoClosedPipe([...args, '--data-dir', dir]);
      assert.equal(result.stderr, '', `${args.join(' ')} printed nothing on stderr`);
      assert.equal(result.status, 0, args.join(' '));
    }
  });

  test('an unknown option is a usage error: exit 2', () => {
    assert.equal(runCli(['diagnose', '--no-such-flag']).status, 2);
  });

  test('invoke on an empty data dir creates it, migrates, and prints a clean global report; diagnose then prints the same report without changing a file', () => {
    const dir = join(makeTempDir(), 'data');
    const invoked = runCli(['invoke', 'profile_db_diagnostics', '{}', '--data-dir', dir]);
    assert.equal(invoked.status, 0, invoked.stderr);
    const report = JSON.parse(invoked.stdout);
    assert.equal(report.profile, null);
    assert.equal(report.global.integrityCheck, 'ok');
    assert.equal(report.global.continuityOk, true);
    assert.equal(report.global.appliedMigrationCount, report.global.expectedMigrationCount);
    assert.equal(existsSync(join(dir, 'lectern.lock')), false, 'the lock is released on exit');

    const before = fingerprintTree(dir, { includeTransient: true });
    const diagnosed = runCli(['diagnose', '--data-dir', dir, '--json']);
    assert.equal(diagnosed.status, 0, diagnosed.stderr);
    const { profileProblem, ...sameReport } = report;
    assert.equal(profileProblem, null);
    assert.equal(report.global.journalMode, 'wal', 'open in the invoking process');
    assert.deepEqual(JSON.parse(diagnosed.stdout), { ...sameReport, global: { ...report.global, journalMode: 'delete' } }, 'closed since');
    assert.deepEqual(fingerprintTree(dir, { includeTransient: true }), before);
  });

  test('LECTERN_DATA_DIR is used when --data-dir is absent', () => {
    const dir = join(makeTempDir(), 'from-env');
    const result = runCli(['invoke', 'profile_db_diagnostics'], { LECTERN_DATA_DIR: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(join(dir, 'global.db')));
  });

  test('diagnose on a data dir with no database says so, exits 3 and creates nothing', () => {
    const parent = makeTempDir();
    const dir = join(parent, 'never-created');
    const json = runCli(['diagnose', '--data-dir', dir, '--json']);
    assert.equal(json.status, 3);
    assert.equal(JSON.parse(json.stdout).error.code, 'db_not_found');
    const text = runCli(['diagnose', '--data-dir', dir]);
    assert.equal(text.status, 3);
    assert.match(text.stderr, /does not exist/);
    assert.deepEqual(readdirSync(parent), []);
  });

  test('diagnose exits 3 when a report shows a problem, and names it in plain words', () => {
    const dir = join(makeTempDir(), 'data');
    assert.equal(runCli(['invoke', 'profile_db_diagnostics', '{}', '--data-dir', dir]).status, 0);
    // Break the history from outside, as a careless manual edit would.
    const db = new Database(join(dir, 'global.db'));
    db.prepare(`UPDATE schema_migrations SET checksum = 'edited'`).run();
    db.close();
    const result = runCli(['diagnose', '--data-dir', dir]);
    assert.equal(result.status, 3);
    assert.match(result.stdout, /PROBLEM/);
    assert.match(result.stdout, /edited/);
  });

  test('diagnose --all lists every profile', () => {
    const dir = join(makeTempDir(), 'data');
    assert.equal(runCli(['invoke', 'profile_db_diagnostics', '{}', '--data-dir', dir]).status, 0);
    const result = runCli(['diagnose', '--all', '--json', '--data-dir', dir]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).profiles, []);
  });

  test('invoke errors print {"error":{code,message}} and exit 1', () => {
    const dir = join(makeTempDir(), 'data');
    for (const [args, code] of [
      [['invoke', 'profile_db_diagnostics', '{"profileId":"../x"}'], 'profile_id_invalid'],
      [['invoke', 'profile_db_diagnostics', '{not json'], 'invalid_payload'],
      [['invoke', 'nope', '{}'], 'command_unknown'],
    ] as const) {
      const result = runCli([...args, '--data-dir', dir]);
      assert.equal(result.status, 1);
      assert.deepEqual(Object.keys(JSON.parse(result.stdout)), ['error']);
      assert.equal(JSON.parse(result.stdout).error.code, code);
    }
  });
});
