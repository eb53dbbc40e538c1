import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { diagnoseAllReadOnly, diagnoseDataDirReadOnly, isCleanReport, type DbDiagnostics } from '../../../src/core/health/index.js';
import { findingsOf } from '../../../src/contracts/diagnostics-findings.js';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { DataLayout } from '../../../src/platform/db/layout.js';
import { migrationStepsFor } from '../../../src/platform/db/migration-steps.js';
import { resetDatabase } from '../../../src/platform/db/recovery/operator-actions.js';
import { GLOBAL_SCOPE, profileScope } from '../../../src/platform/db/scope.js';
import { REPO_ROOT, runCli } from '../../support/cli.js';
import { assertThrowsCode } from '../../support/errors.js';
import { fileBytes, fingerprintTree } from '../../support/file-tree.js';
import { invokeOk } from '../../support/invoke.js';
import { seededDataDir, session, talkTitles } from '../../support/seeded-data-dir.js';
import { makeTempDir } from '../../support/temp-dir.js';

/** Every file under `dir`, SQLite's -wal and -shm companions included. */
function everyFile(dir: string) {
  return fingerprintTree(dir, { includeTransient: true });
}

describe('read-only diagnostics describe every state a crash or an operator can leave', () => {
  test('a cleanly closed database is one self-contained file, and diagnose creates no file at all (no -wal, no -shm)', () => {
    const { dir, profileId } = seededDataDir();
    const layout = new DataLayout(dir);
    for (const path of [layout.globalDb, layout.profileDb(profileId)]) {
      assert.equal(existsSync(`${path}-wal`), false, 'no WAL after a clean close');
      assert.equal(existsSync(`${path}-shm`), false, 'no shared-memory file after a clean close');
    }
    const before = everyFile(dir);
    assert.equal(runCli(['diagnose', '--all', '--data-dir', dir]).status, 0);
    assert.deepEqual(everyFile(dir), before);
  });

  test('a hot rollback journal (a write interrupted by a crash) is reported for what it is, not as a permission problem, and the next start rolls it back', async () => {
    const { dir, profileId } = seededDataDir();
    const path = new DataLayout(dir).profileDb(profileId);
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `const Database = require('better-sqlite3');
         const db = new Database(process.argv[1]);
         db.pragma('journal_mode = DELETE');
         db.pragma('cache_size = 2');
         db.exec('BEGIN IMMEDIATE');
         const insert = db.prepare("INSERT INTO talk_projects (id, title, stage, is_training, created_at, updated_at) VALUES (?, ?, 'draft', 0, 't', 't')");
         for (let i = 0; i < 400; i += 1) insert.run('proj_' + i.toString(16).padStart(32, '0'), 'Never committed ' + 'x'.repeat(100));
         process.stdout.write('spilled\\n');
         setInterval(() => {}, 1 << 30);`,
        path,
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await once(writer.stdout!, 'data');
    writer.kill('SIGKILL');
    await once(writer, 'exit');
    assert.ok(existsSync(`${path}-journal`), 'the crash left a hot journal');

    const before = everyFile(dir);
    const error = assertThrowsCode(() => diagnoseDataDirReadOnly(new DataLayout(dir), profileId), 'db_interrupted_write');
    assert.match(error.message, /next time Lectern opens it/);
    assert.deepEqual(everyFile(dir), before, 'diagnose changed nothing');
    const cli = runCli(['diagnose', '--profile', profileId, '--data-dir', dir]);
    assert.equal(cli.status, 3);
    assert.match(cli.stderr, /db_interrupted_write/);

    session(dir, (store) => assert.deepEqual(talkTitles(store.profile(profileId)), ['Before']));
  });

  test('a first run killed early (an empty global.db): every read-only tool describes it, none answers internal_error', () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'global.db'), '', { mode: 0o600 });
    const report = diagnoseAllReadOnly(new DataLayout(dir));
    assert.equal(report.global.appliedMigrationCount, 0);
    assert.deepEqual(report.profiles, []);
    const diagnose = runCli(['diagnose', '--all', '--data-dir', dir]);
    assert.equal(diagnose.status, 0, diagnose.stderr);
    const steps = migrationStepsFor(GLOBAL_SCOPE).length;
    assert.ok(diagnose.stdout.includes(`  ${steps} migration(s) will run the next time Lectern opens it.`), diagnose.stdout);
    for (const args of [['snapshot', 'list'], ['snapshot', 'verify'], ['quarantine', 'list']]) {
      const result = runCli([...args, '--data-dir', dir]);
      assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
      assert.doesNotMatch(result.stdout + result.stderr, /internal_error/);
    }
  });

  test('a profile database truncated to 0 bytes, with snapshots beside it, is damage for diagnose exactly as for the app', () => {
    const { dir, profileId } = seededDataDir();
    session(dir, (store) => store.snapshot(profileScope(profileId)));
    truncateSync(new DataLayout(dir).profileDb(profileId), 0);
    const error = assertThrowsCode(() => diagnoseDataDirReadOnly(new DataLayout(dir), profileId), 'db_corrupt');
    assert.match(error.message, /restored from its newest snapshot the next time Lectern opens it/);
    assert.equal(runCli(['diagnose', '--profile', profileId, '--data-dir', dir]).status, 3);
  });

  test('foreign-key violations make the report a problem: lectern diagnose exits 3 and says so', () => {
    const { dir, profileId } = seededDataDir();
    const db = new Database(new DataLayout(dir).profileDb(profileId));
    db.pragma('foreign_keys = OFF');
    db.prepare(`INSERT INTO runs (id, project_id, created_at) VALUES (?, ?, 't')`).run(`run_${'e'.repeat(32)}`, `proj_${'f'.repeat(32)}`);
    db.close();
    const report = diagnoseDataDirReadOnly(new DataLayout(dir), profileId).profile!;
    assert.deepEqual(findingsOf(report), ['foreign_key_violations']);
    const cli = runCli(['diagnose', '--profile', profileId, '--data-dir', dir]);
    assert.equal(cli.status, 3);
    assert.match(cli.stdout, /Profile database: PROBLEM\./);
    assert.match(cli.stdout, /1 row\(s\) point at missing parents/);
  });

  test('temp files left by killed operations are counted until the next start sweeps them', () => {
    const { dir, profileId } = seededDataDir();
    const layout = new DataLayout(dir);
    const scope = profileScope(profileId);
    writeFileSync(join(layout.backupsDir(scope), '.tmp-profile-20260101T000000000Z-v3-scheduled-abcdef.db'), 'half a copy');
    writeFileSync(join(layout.scopeDir(scope), '.tmp-profile.db-0123456789ab'), 'half a restore');
    writeFileSync(join(dir, 'lectern.lock.1234.tmp'), 'pid');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, 'lectern.lock.1234.tmp'), anHourAgo, anHourAgo);
    const report = diagnoseDataDirReadOnly(layout, profileId);
    assert.equal(report.profile!.strayTempFiles, 2);
    assert.equal(report.global.strayTempFiles, 1);
    assert.deepEqual(findingsOf(report.profile!), [], 'not a problem: they are never the newest truth');
    session(dir, (store) => store.profile(profileId));
    const swept = diagnoseDataDirReadOnly(layout, profileId);
    assert.equal(swept.profile!.strayTempFiles, 0);
    assert.equal(swept.global.strayTempFiles, 0);
  });
});

describe('a database rebuilt with sqlite3 .dump (application_id 0, user_version 0)', () => {
  function rebuiltByDump() {
    const { dir, profileId } = seededDataDir();
    const path = new DataLayout(dir).profileDb(profileId);
    const dump = execFileSync('sqlite3', [path, '.dump']);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    execFileSync('sqlite3', [path], { input: dump });
    return { dir, profileId, path };
  }

  test('is a problem for diagnose, is refused at open with db_header_mismatch and left unchanged', () => {
    const { dir, profileId, path } = rebuiltByDump();
    const report = diagnoseDataDirReadOnly(new DataLayout(dir), profileId).profile!;
    assert.deepEqual(findingsOf(report), ['file_header_mismatch']);
    assert.equal(isCleanReport(report), false);
    assert.equal(runCli(['diagnose', '--profile', profileId, '--data-dir', dir]).status, 3);
    const before = fileBytes(path);
    session(dir, (store) => assertThrowsCode(() => store.profile(profileId), 'db_header_mismatch'));
    assert.ok(fileBytes(path).equals(before));
  });

  test('the runbook salvage yields a database Lectern accepts, snapshots and opens with every row', () => {
    const { dir, profileId, path } = rebuiltByDump();
    const salvage = /```sh\n# salvage: a database rebuilt by \.dump\n([\s\S]*?)```/.exec(
      execFileSync('cat', [join(REPO_ROOT, 'docs/operations/runbook.md')], { encoding: 'utf8' }),
    );
    assert.ok(salvage, 'the runbook has the salvage block');
    execFileSync('bash', ['-c', salvage[1]!], { env: { ...process.env, DB: path } });
    assert.deepEqual(findingsOf(diagnoseDataDirReadOnly(new DataLayout(dir), profileId).profile!), []);
    session(dir, (store) => {
      assert.deepEqual(talkTitles(store.profile(profileId)), ['Before']);
      assert.equal(store.snapshot(profileScope(profileId)).reason, 'manual');
    });
  });
});

describe('profile folders the global database does not know (after a global reset or restore)', () => {
  test('are reported by diagnose, and profile_adopt_unlisted brings them back with their names', async () => {
    const { dir, profileId } = seededDataDir();
    session(dir, (store) => resetDatabase(store, GLOBAL_SCOPE));
    const report = diagnoseAllReadOnly(new DataLayout(dir));
    assert.equal(report.global.unlistedProfileFolders, 1);
    assert.deepEqual(findingsOf(report.global), ['unlisted_profile_folders']);
    const cli = runCli(['diagnose', '--all', '--data-dir', dir]);
    assert.equal(cli.status, 3);
    assert.match(cli.stdout, /1 profile folder\(s\) are not listed in the global database/);

    const store = DataStore.open(dir);
    try {
      const { adopted } = await invokeOk<{ adopted: Array<{ id: string; name: string }> }>(store, 'profile_adopt_unlisted', {});
      assert.deepEqual(adopted.map((p) => [p.id, p.name]), [[profileId, 'Ada']]);
      assert.deepEqual(talkTitles(store.profile(profileId)), ['Before']);
      const again = await invokeOk<{ adopted: unknown[] }>(store, 'profile_adopt_unlisted', {});
      assert.deepEqual(again.adopted, [], 'adopting twice changes nothing');
    } finally {
      store.close();
    }
    assert.equal(diagnoseAllReadOnly(new DataLayout(dir)).global.unlistedProfileFolders, 0);
    assert.equal(readdirSync(join(dir, 'profiles')).length, 1);
  });
});

describe('profile_db_diagnostics (the Data health page) is read-only, like lectern diagnose', () => {
  test('on a damaged profile database it reports the damage and changes no file: no quarantine, no restore', async () => {
    const { dir, profileId } = seededDataDir();
    session(dir, (store) => store.snapshot(profileScope(profileId)));
    const layout = new DataLayout(dir);
    writeFileSync(layout.profileDb(profileId), 'not a database any more');
    const store = DataStore.open(dir);
    try {
      store.global();
      const before = everyFile(layout.profileDir(profileId));
      const result = await invokeOk<{ profile: unknown; profileProblem: { code: string } | null }>(store, 'profile_db_diagnostics', { profileId });
      assert.equal(result.profile, null);
      assert.equal(result.profileProblem?.code, 'db_corrupt');
      assert.deepEqual(everyFile(layout.profileDir(profileId)), before);
    } finally {
      store.close();
    }
  });

  test('a gap in the migration history is reported as continuityOk: false, not thrown', async () => {
    const { dir, profileId } = seededDataDir();
    const path = new DataLayout(dir).profileDb(profileId);
    const db = new Database(path);
    db.exec('DELETE FROM schema_migrations WHERE version = 1');
    db.close();
    const before = fileBytes(path);
    const store = DataStore.open(dir);
    try {
      const result = await invokeOk<{ profile: DbDiagnostics }>(store, 'profile_db_diagnostics', { profileId });
      assert.equal(result.profile.continuityOk, false);
      assert.equal(result.profile.continuityError, 'expected 0001_init, found 0002_quest_catalogue_v1');
      assert.deepEqual(findingsOf(result.profile), ['continuity_broken']);
    } finally {
      store.close();
    }
    assert.ok(fileBytes(path).equals(before));
  });
});
