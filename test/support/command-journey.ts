import { readFileSync } from 'node:fs';
import type { DataStore } from '../../src/platform/db/data-store.js';
import { writeWavPcm16 } from '../../src/platform/audio/wav-writer.js';
import { UploadStaging } from '../../src/platform/uploads/upload-staging.js';
import { concat, harmonicTone, RATE, silence } from '../platform/audio/synth.js';
import { invokeOk } from './invoke.js';

/**
 * A speaker's working session through the registry, in-process, touching every context: profiles, talks, outlines,
 * typed runs and their analysis, notes, quests, the coach's views (for one talk and for the profile), the feedback
 * timeline, packs out and a peer review in, a run deleted, voice memos (kept, renamed, listed, one turned into a run,
 * one deleted). Used to see which SQL the app really runs.
 */
export async function runCommandJourney(store: DataStore): Promise<void> {
  const { profile } = await invokeOk(store, 'profile_create', { name: 'Ada' });
  const profileId = profile.id;
  const { project } = await invokeOk(store, 'project_create', {
    profileId,
    project: { title: 'Release in a day', audience: 'Engineering managers', goal: 'Get buy-in for daily releases', durationTargetSec: 300 },
  });
  const projectId = project.id;
  await invokeOk(store, 'outline_set', { profileId, projectId, markdown: '# Release in a day\n- Problem\n- Solution\n- Ask' });
  await invokeOk(store, 'project_list', { profileId });
  for (let i = 0; i < 2; i += 1) {
    const { run } = await invokeOk(store, 'run_create', { profileId, projectId });
    const { transcriptId } = await invokeOk(store, 'transcript_save', {
      profileId,
      text: 'Um, today releases take two days.\nWe can, you know, ship every day with automated checks.',
    });
    await invokeOk(store, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
    const { feedbackId } = await invokeOk(store, 'run_analyze', { profileId, runId: run.id });
    await invokeOk(store, 'feedback_get', { profileId, feedbackId });
    await invokeOk(store, 'feedback_note_set', { profileId, feedbackId, note: 'Start without "um".' });
  }
  await invokeOk(store, 'quest_get_daily', { profileId, projectId, timeZone: 'UTC' });
  const { quests } = await invokeOk(store, 'quest_list', { profileId });
  const textQuest = quests.find((quest) => quest.outputType === 'text')!;
  await invokeOk(store, 'quest_submit_text', { profileId, projectId, questCode: textQuest.code, text: 'So, to sum up: ship daily.' });
  const audioQuest = quests.find((quest) => quest.outputType === 'audio')!;
  const wav = writeWavPcm16(Int16Array.from(concat(silence(300), harmonicTone(140, 1200), silence(300)), (x) => Math.round(x * 32767)), RATE);
  const { audioArtifactId } = await invokeOk(store, 'audio_import', {
    profileId,
    uploadId: new UploadStaging(store.layout.root).stage(wav),
  });
  await invokeOk(store, 'quest_submit_audio', { profileId, projectId, questCode: audioQuest.code, audioArtifactId });
  await invokeOk(store, 'quest_attempts_list', { profileId, projectId });
  await invokeOk(store, 'quest_report', { profileId, projectId });
  for (const scope of [{}, { projectId }]) {
    await invokeOk(store, 'progress_get_snapshot', { profileId, ...scope, timeZone: 'Europe/Paris' });
    await invokeOk(store, 'coach_trends', { profileId, ...scope });
    await invokeOk(store, 'feedback_timeline_list', { profileId, ...scope });
    await invokeOk(store, 'mascot_get_context_message', { profileId, routeName: 'training', ...scope });
  }
  await invokeOk(store, 'talks_get_blueprint', { profileId, projectId });
  const { runs } = await invokeOk(store, 'run_list', { profileId, projectId });
  const { packId } = await invokeOk(store, 'pack_export', { profileId, runId: runs[0]!.id });
  const pack = await invokeOk(store, 'artifact_download', { profileId, artifactId: packId });
  const uploadId = new UploadStaging(store.layout.root).stage(readFileSync(pack.path));
  const { profile: peer } = await invokeOk(store, 'profile_create', { name: 'Grace' });
  await invokeOk(store, 'pack_inspect', { profileId: peer.id, uploadId });
  const imported = await invokeOk(store, 'peer_review_import', { profileId: peer.id, uploadId });
  await invokeOk(store, 'peer_review_list', { profileId: peer.id, projectId: imported.projectId });
  await invokeOk(store, 'run_delete', { profileId, runId: runs[1]!.id });
  for (let i = 0; i < 2; i += 1) {
    const memoAudio = await invokeOk(store, 'audio_import', { profileId, uploadId: new UploadStaging(store.layout.root).stage(wav) });
    await invokeOk(store, 'memo_create', { profileId, audioArtifactId: memoAudio.audioArtifactId });
  }
  const { memos } = await invokeOk(store, 'memo_list', { profileId });
  await invokeOk(store, 'memo_rename', { profileId, memoId: memos[0]!.id, title: 'A line to try' });
  await invokeOk(store, 'memo_to_run', { profileId, memoId: memos[0]!.id, projectId });
  await invokeOk(store, 'memo_delete', { profileId, memoId: memos[1]!.id });
  await invokeOk(store, 'profile_list', {});
  await invokeOk(store, 'db_recovery_events_list', { profileId });
  // As at the next start: the profile's first open in a process (integrity check, orphan sweep).
  store.closeProfile(profileId);
  await invokeOk(store, 'project_list', { profileId });
}
