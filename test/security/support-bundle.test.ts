import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readZipSafely } from '../../src/platform/zip/zip-reader.js';
import { runCli } from '../support/cli.js';
import { fingerprintTree } from '../support/file-tree.js';
import { startAppProcess } from '../support/app-process.js';
import { makeTempDir } from '../support/temp-dir.js';

test('the support bundle holds metadata only: no database, recording, transcript, note or outline, no path or id', async () => {
  const dataDir = makeTempDir();
  const content = ['OUTLINE-CANARY-91', 'TRANSCRIPT-CANARY-42', 'NOTE-CANARY-77', 'TITLE-CANARY-13'];
  const app = await startAppProcess(dataDir);
  const { result: created } = (await app.post('profile_create', { name: 'Ada' })).body as { result: { profile: { id: string } } };
  const profileId = created.profile.id;
  const { result: talk } = (await app.post('project_create', { profileId, project: { title: content[3] } })).body as { result: { project: { id: string } } };
  await app.post('outline_set', { profileId, projectId: talk.project.id, markdown: `# ${content[0]}` });
  const { result: run } = (await app.post('run_create', { profileId, projectId: talk.project.id })).body as { result: { run: { id: string } } };
  const { result: saved } = (await app.post('transcript_save', { profileId, text: `We ship ${content[1]} every day.` })).body as { result: { transcriptId: string } };
  await app.post('run_set_transcript', { profileId, runId: run.run.id, transcriptId: saved.transcriptId });
  const { result: analysis } = (await app.post('run_analyze', { profileId, runId: run.run.id })).body as { result: { feedbackId: string } };
  await app.post('feedback_note_set', { profileId, feedbackId: analysis.feedbackId, note: content[2] });
  await app.post('db_snapshot_create', { profileId });
  await app.stop();

  const before = fingerprintTree(dataDir);
  const out = join(makeTempDir(), 'bundle.zip');
  const result = runCli(['support-bundle', '--out', out, '--data-dir', dataDir]);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(fingerprintTree(dataDir), before, 'building a bundle writes nothing in the data folder');

  const entries = readZipSafely(readFileSync(out)).entries;
  assert.deepEqual(entries.map((e) => e.name).sort(), ['README.txt', 'diagnostics.json', 'log-tail.txt', 'recovery-events.json', 'snapshots.json', 'versions.json']);
  const text = entries.map((e) => e.data.toString('utf8')).join('\n');
  for (const secret of [...content, dataDir, homedir(), profileId, talk.project.id, 'SQLite format 3', 'RIFF']) {
    assert.equal(text.includes(secret), false, `the bundle contains ${secret}`);
  }
  const diagnostics = JSON.parse(entries.find((e) => e.name === 'diagnostics.json')!.data.toString('utf8'));
  assert.equal(diagnostics.global.integrityCheck, 'ok');
  assert.equal(diagnostics.profiles.length, 1);
  const snapshots = JSON.parse(entries.find((e) => e.name === 'snapshots.json')!.data.toString('utf8'));
  assert.ok(snapshots.some((db: { snapshots: unknown[] }) => db.snapshots.length > 0), 'the snapshot inventory is listed');
  assert.ok(entries.find((e) => e.name === 'log-tail.txt')!.data.length > 0, 'recent log lines are included');
  assert.equal(runCli(['support-bundle', '--out', out, '--data-dir', dataDir]).status, 1, 'never overwrites');
});

test('a 600 MiB log does not stop the support bundle: it reads the newest lines from the end of the file', { timeout: 60_000 }, () => {
  const dataDir = makeTempDir();
  assert.equal(runCli(['invoke', 'profile_list', '{}', '--data-dir', dataDir]).status, 0);
  const logs = join(dataDir, 'logs');
  mkdirSync(logs, { recursive: true, mode: 0o700 });
  const lines = Array.from({ length: 400 }, (_, n) => JSON.stringify({ level: 30, time: '2026-11-25T10:00:00.000Z', method: 'GET', route: '/api/events', status: 200, ms: 1, msg: 'request', n }));
  // A sparse file: 600 MiB long on paper (what a flooded log reached), a few kilobytes on disk.
  const fd = openSync(join(logs, 'lectern.log'), 'w', 0o600);
  ftruncateSync(fd, 600 * 1024 * 1024);
  writeSync(fd, `\n${lines.join('\n')}\n`, 600 * 1024 * 1024);
  closeSync(fd);
  const out = join(makeTempDir(), 'bundle.zip');
  const result = runCli(['support-bundle', '--out', out, '--data-dir', dataDir]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const tail = readZipSafely(readFileSync(out)).entries.find((e) => e.name === 'log-tail.txt')!.data.toString('utf8');
  assert.equal(tail, `${lines.slice(-300).join('\n')}\n`);
});
