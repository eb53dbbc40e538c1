import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.js';
import { makeTempDir } from '../support/temp-dir.js';

/** One `lectern invoke` in a real process; returns the parsed result, failing the test on an error. */
function invoke<T = Record<string, unknown>>(dataDir: string, command: string, payload: unknown): T {
  const result = runCli(['invoke', command, JSON.stringify(payload), '--data-dir', dataDir]);
  const output = JSON.parse(result.stdout) as T & { error?: { code: string } };
  assert.equal(result.status, 0, `${command}: ${result.stdout}${result.stderr}`);
  return output;
}

test('a speaker’s journey through lectern invoke: profile, talk, outline, typed run, analysis, note, progress, pack, import elsewhere', () => {
  const dataDir = join(makeTempDir(), 'data');
  const { profile } = invoke<{ profile: { id: string } }>(dataDir, 'profile_create', { name: 'Ada' });
  const { project } = invoke<{ project: { id: string } }>(dataDir, 'project_create', {
    profileId: profile.id,
    project: { title: 'Release in a day', audience: 'Engineering managers', goal: 'Get buy-in for daily releases', durationTargetSec: 300 },
  });
  invoke(dataDir, 'outline_set', { profileId: profile.id, projectId: project.id, markdown: '# Release in a day\n- Problem\n- Solution\n- Ask' });
  const { run } = invoke<{ run: { id: string } }>(dataDir, 'run_create', { profileId: profile.id, projectId: project.id });
  const { transcriptId } = invoke<{ transcriptId: string }>(dataDir, 'transcript_save', {
    profileId: profile.id,
    text: 'Um, today releases take two days.\nWe can, you know, ship every day with automated checks.\nI ask for two engineers.',
  });
  invoke(dataDir, 'run_set_transcript', { profileId: profile.id, runId: run.id, transcriptId });
  const analysis = invoke<{ feedbackId: string; created: boolean }>(dataDir, 'run_analyze', { profileId: profile.id, runId: run.id });
  assert.equal(analysis.created, true);
  const { feedback } = invoke<{ feedback: { overallScore: number; metrics: { fillers: number } } }>(dataDir, 'feedback_get', { profileId: profile.id, feedbackId: analysis.feedbackId });
  assert.ok(feedback.metrics.fillers >= 2);
  invoke(dataDir, 'feedback_note_set', { profileId: profile.id, feedbackId: analysis.feedbackId, note: 'Start without "um".' });
  const { progress } = invoke<{ progress: { runsTotal: number; feedbackReadyTotal: number; streakDays: number } }>(dataDir, 'progress_get_snapshot', { profileId: profile.id });
  assert.deepEqual([progress.runsTotal, progress.feedbackReadyTotal, progress.streakDays], [1, 1, 1]);
  const { blueprint } = invoke<{ blueprint: { frameworkId: string; completionPercent: number } }>(dataDir, 'talks_get_blueprint', { profileId: profile.id, projectId: project.id });
  assert.deepEqual([blueprint.frameworkId, blueprint.completionPercent], ['problem-solution-impact', 80]);

  const pack = invoke<{ packId: string }>(dataDir, 'pack_export', { profileId: profile.id, runId: run.id });
  const file = join(makeTempDir(), 'pack.zip');
  const downloaded = runCli(['download', '--profile', profile.id, '--artifact', pack.packId, '--out', file, '--data-dir', dataDir]);
  assert.equal(downloaded.status, 0, downloaded.stdout);
  const { profile: peer } = invoke<{ profile: { id: string } }>(dataDir, 'profile_create', { name: 'Grace' });
  const uploaded = runCli(['upload', file, '--data-dir', dataDir]);
  assert.equal(uploaded.status, 0, uploaded.stdout);
  const { uploadId } = JSON.parse(uploaded.stdout) as { uploadId: string };
  const { pack: inspected } = invoke<{ pack: { packId: string; projectTitle: string } }>(dataDir, 'pack_inspect', { profileId: peer.id, uploadId });
  assert.deepEqual([inspected.packId, inspected.projectTitle], [pack.packId, 'Release in a day']);
  const imported = invoke<{ projectId: string; peerReviewId: string }>(dataDir, 'peer_review_import', { profileId: peer.id, uploadId });
  const { projects } = invoke<{ projects: Array<{ id: string; title: string }> }>(dataDir, 'project_list', { profileId: peer.id });
  assert.deepEqual(projects.map((p) => [p.id, p.title]), [[imported.projectId, 'Peer review: Release in a day']]);
  const { outline } = invoke<{ outline: { markdown: string } }>(dataDir, 'outline_get', { profileId: peer.id, projectId: imported.projectId });
  assert.equal(outline.markdown, '# Release in a day\n- Problem\n- Solution\n- Ask');

  const health = runCli(['diagnose', '--all', '--data-dir', dataDir]);
  assert.equal(health.status, 0, health.stdout + health.stderr);
});
