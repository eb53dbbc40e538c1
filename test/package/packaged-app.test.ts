/**
 * The app as a user gets it: the tarball `npm pack` makes, installed with `npm install -g` into a prefix of the test's
 * own (or run with `npx`), started far from the checkout. One build and a few installs, shared by every test here.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { before, describe, test } from 'node:test';
import { startAppProcess, type AppCommand, type AppProcess } from '../support/app-process.js';
import { allRows, rowsWithColumnsOf } from '../support/all-rows.js';
import { REPO_ROOT } from '../support/cli.js';
import { http } from '../support/http.js';
import {
  checkoutCommit,
  installedPackageDir,
  installGlobally,
  useLocalBetterSqlitePrebuild,
  packPackage,
  type PackedTarball,
} from '../support/package-install.js';
import { makeTempDir } from '../support/temp-dir.js';

/** The release before this one: main when the packaged app was started (it had no build step and shipped its source). */
const PREVIOUS_RELEASE = '62f918e744cf65254b05cba96345e9e87a2e9915';
/** Each install takes seconds with the local prebuild; npm itself and the build take the rest. */
const INSTALL_TEST_TIMEOUT_MS = 300_000;
/** What a user needs besides the code: read by the package's README links and the runbook. */
const USER_DOCS = ['README.md', 'PRIVACY.md', 'SECURITY.md', 'docs/operations/runbook.md'];
const RUNTIME_DEPENDENCIES = ['better-sqlite3', 'commander', 'pino', 'zod'];

let work: string;
let tarball: PackedTarball;

before(() => {
  work = makeTempDir('lectern-package-');
  tarball = packPackage(REPO_ROOT, join(work, 'new'));
  useLocalBetterSqlitePrebuild(work);
}, { timeout: INSTALL_TEST_TIMEOUT_MS });

function filesUnder(root: string): string[] {
  return readdirSync(join(REPO_ROOT, root), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));
}

/** Exactly what runs: one compiled module per source file, the built UI, the migrations, the command and user docs. */
function expectedPackageFiles(): string[] {
  // Only TypeScript is compiled; the one .mjs under src/ starts workers from the TypeScript sources (tsx) and is never
  // used by a build.
  const compiled = filesUnder('src')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js'));
  return [...compiled, ...filesUnder('ui/dist'), ...filesUnder('migrations'), 'bin/lectern', 'package.json', ...USER_DOCS].sort();
}

/** The launch link printed by `lectern start`, then the first page with the session cookie it set. */
async function firstPage(app: AppProcess): Promise<{ status: number; type: string; body: string }> {
  const page = await http(app.port, { path: '/', headers: { cookie: app.cookie } });
  return { status: page.status, type: String(page.headers['content-type']), body: page.body };
}

async function assertServesTheApp(app: AppProcess): Promise<void> {
  const page = await firstPage(app);
  assert.deepEqual([page.status, page.type], [200, 'text/html; charset=utf-8']);
  const script = /<script type="module" crossorigin src="(\/assets\/[\w.-]+\.js)"><\/script>/.exec(page.body);
  assert.ok(script, 'the built UI, not the Vite source page');
  assert.equal((await http(app.port, { path: script[1]! })).status, 200);
  const profiles = await app.post('profile_list', {});
  assert.equal(profiles.status, 200, 'the migrations were found next to the installed code');
}

describe('the package', () => {
  test('the tarball holds exactly the compiled code, the built UI, the migrations and the user docs; no TypeScript, no build tool', () => {
    assert.deepEqual(tarball.files, expectedPackageFiles());
    assert.deepEqual(Object.keys(tarball.dependencies).sort(), RUNTIME_DEPENDENCIES);
  });

  test(
    'installed with npm install -g into a fresh prefix, lectern start works outside the checkout and stops cleanly on SIGTERM',
    { timeout: INSTALL_TEST_TIMEOUT_MS },
    async () => {
      const prefix = join(work, 'fresh-prefix');
      const lectern = installGlobally(tarball.file, prefix);
      const installed = readdirSync(join(installedPackageDir(prefix), 'node_modules'));
      for (const buildTool of ['tsx', 'typescript', 'vite', 'esbuild']) assert.equal(installed.includes(buildTool), false, buildTool);
      assert.equal(existsSync(join(installedPackageDir(prefix), 'src')), false);

      const app = await startAppProcess(join(work, 'fresh-data'), {}, lectern);
      await assertServesTheApp(app);
      assert.equal(await app.stop(), 0);
    },
  );

  test('npx on the tarball runs lectern start', { timeout: INSTALL_TEST_TIMEOUT_MS }, async () => {
    // As a user types it, next to the tarball: npm 11 runs an absolute path as a command instead of installing it. A
    // cache of its own, so npx installs the tarball the way it would for a user who never installed Lectern.
    const npx: AppCommand = { command: 'npx', args: ['--yes', `./${basename(tarball.file)}`], cwd: dirname(tarball.file), processGroup: true };
    const app = await startAppProcess(join(work, 'npx-data'), { npm_config_cache: join(work, 'npx-cache') }, npx);
    await assertServesTheApp(app);
    await app.stop(); // npm itself dies of the signal; what matters is that lectern stopped cleanly:
    assert.match(app.output(), /Lectern stopped; your data is saved\.\n$/);
    assert.equal(existsSync(join(work, 'npx-data', 'lectern.lock')), false);
  });
});

describe('upgrading', () => {
  test(
    'installing this tarball over the previous release keeps every row, and snapshots each database a migration touched',
    { timeout: INSTALL_TEST_TIMEOUT_MS },
    async () => {
      const previous = packPackage(checkoutCommit(PREVIOUS_RELEASE, join(work, 'previous-src')), join(work, 'previous'));
      const prefix = join(work, 'upgrade-prefix');
      const data = join(work, 'upgrade-data');
      const old = await startAppProcess(data, {}, installGlobally(previous.file, prefix));
      const profileId = await recordATalk(old);
      assert.equal(await old.stop(), 0);
      const databases = ['global.db', join('profiles', profileId, 'profile.db')];
      const before = new Map(databases.map((db) => [db, allRows(join(data, db))]));

      const app = await startAppProcess(data, {}, installGlobally(tarball.file, prefix));
      assert.equal(existsSync(join(installedPackageDir(prefix), 'dist')), true, 'the new version replaced the old one');
      await assertServesTheApp(app);
      assert.equal((await app.post('project_list', { profileId })).status, 200, 'the profile database opened (and migrated)');
      assert.equal(await app.stop(), 0);

      for (const db of databases) {
        const old = before.get(db)!;
        const now = allRows(join(data, db));
        const oldVersions = old.get('schema_migrations')!.length;
        const ranMigration = now.get('schema_migrations')!.length > oldVersions;
        const preMigration = readdirSync(join(data, dirnameOf(db), 'backups')).filter((name) => name.includes('pre-migration') && name.endsWith('.db'));
        assert.equal(preMigration.length, ranMigration ? 1 : 0, `${db}: a pre-migration snapshot exactly when a migration ran`);
        const kept = rowsWithColumnsOf(old, now);
        for (const [table, rows] of old) {
          if (table === 'schema_migrations') assert.deepEqual(kept.get(table)!.slice(0, rows.length), rows, `${db} ${table}`);
          else assert.deepEqual(kept.get(table), rows, `${db} ${table}: every row kept, unchanged`);
        }
      }
    },
  );
});

function dirnameOf(db: string): string {
  return db === 'global.db' ? '.' : join('profiles', db.split('/')[1]!);
}

/** A profile with a talk, a quest attempt, an outline, a run with a transcript, its analysis and a note, a preference and a snapshot. */
async function recordATalk(app: AppProcess): Promise<string> {
  const ok = async <T>(command: string, payload: unknown): Promise<T> => {
    const answer = await app.post(command, payload);
    assert.equal(answer.status, 200, `${command}: ${JSON.stringify(answer.body)}`);
    return answer.body.result as T;
  };
  const { profile } = await ok<{ profile: { id: string } }>('profile_create', { name: 'Ada' });
  const profileId = profile.id;
  await ok('preference_global_set', { key: 'ui.language', value: 'fr' });
  const { project } = await ok<{ project: { id: string } }>('project_create', { profileId, project: { title: 'Quarterly review' } });
  await ok('quest_submit_text', { profileId, projectId: project.id, questCode: 'A01', text: 'We grew. Then we paused.' });
  await ok('outline_set', { profileId, projectId: project.id, markdown: '# Outline\n- numbers\n- next steps' });
  const { run } = await ok<{ run: { id: string } }>('run_create', { profileId, projectId: project.id });
  const { transcriptId } = await ok<{ transcriptId: string }>('transcript_save', { profileId, text: 'Um, we grew by ten percent. You know, next quarter.' });
  await ok('run_set_transcript', { profileId, runId: run.id, transcriptId });
  const { feedbackId } = await ok<{ feedbackId: string }>('run_analyze', { profileId, runId: run.id });
  await ok('feedback_note_set', { profileId, feedbackId, note: 'Pause after the numbers.' });
  await ok('db_snapshot_create', { profileId });
  return profileId;
}
