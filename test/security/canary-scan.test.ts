import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { startAppProcess } from '../support/app-process.js';
import { makeTempDir } from '../support/temp-dir.js';

/** Every file under `root` (recursively), including hidden ones and SQLite's companions. */
function allFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function allDirs(root: string): string[] {
  return [root, ...readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name))];
}

test('after a full journey through the real server, no file in the data dir holds a token, cookie, environment secret or refused secret; folders are 0700 and files 0600', async () => {
  const dataDir = makeTempDir();
  const envCanary = `env-canary-${Date.now().toString(36)}-7f3a9c`;
  const secretCanary = `secret-canary-${Date.now().toString(36)}-c41d2e`;
  const app = await startAppProcess(dataDir, { LECTERN_TEST_SECRET: envCanary });
  const canaries = [app.launchToken, app.cookie.split('=')[1]!, envCanary, secretCanary];

  const refused = await app.post('preference_global_set', { key: 'remote.api_token', value: secretCanary });
  assert.equal(refused.body.error?.code, 'preference_key_sensitive_forbidden');
  const { result: created } = (await app.post('profile_create', { name: 'Ada' })).body as { result: { profile: { id: string } } };
  const profileId = created.profile.id;
  const { result: talk } = (await app.post('project_create', { profileId, project: { title: 'Canary-free talk' } })).body as { result: { project: { id: string } } };
  await app.post('outline_set', { profileId, projectId: talk.project.id, markdown: '# Outline\n- point' });
  const { result: run } = (await app.post('run_create', { profileId, projectId: talk.project.id })).body as { result: { run: { id: string } } };
  const { result: saved } = (await app.post('transcript_save', { profileId, text: 'Um, we ship every day. You know, it works.' })).body as { result: { transcriptId: string } };
  await app.post('run_set_transcript', { profileId, runId: run.run.id, transcriptId: saved.transcriptId });
  const { result: analysis } = (await app.post('run_analyze', { profileId, runId: run.run.id })).body as { result: { feedbackId: string } };
  await app.post('feedback_note_set', { profileId, feedbackId: analysis.feedbackId, note: 'Slow down.' });
  assert.equal((await app.post('db_snapshot_create', { profileId })).status, 200);
  assert.equal((await app.post('pack_export', { profileId, runId: run.run.id })).status, 200);
  assert.equal((await app.post('profile_db_diagnostics', { profileId })).status, 200);
  assert.equal((await app.post('app_about', { profileId })).status, 200, 'the About page’s facts (they hold the data folder’s path)');
  assert.equal(await app.stop(), 0, 'a clean shutdown');

  const files = allFiles(dataDir);
  assert.ok(files.some((f) => f.endsWith('lectern.log')), 'the log was written');
  assert.ok(files.some((f) => f.includes(`${join('backups', 'profile-')}`)), 'snapshots exist');
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const canary of canaries) {
      assert.equal(bytes.includes(Buffer.from(canary)), false, `${relative(dataDir, file)} contains a canary`);
    }
    assert.equal(statSync(file).mode & 0o777, 0o600, `${relative(dataDir, file)} is 0600`);
  }
  for (const dir of allDirs(dataDir)) assert.equal(statSync(dir).mode & 0o777, 0o700, `${relative(dataDir, dir) || '.'} is 0700`);

  const log = readFileSync(join(dataDir, 'logs', 'lectern.log'), 'utf8');
  for (const leak of [dataDir, homedir(), 'token=', profileId, 'Slow down', 'we ship every day']) {
    assert.equal(log.includes(leak), false, `the log contains ${leak}`);
  }
});
