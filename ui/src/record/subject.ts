import { invoke } from '../api/invoke';
import { uploadAudio } from '../api/upload';

/** What a take is recorded for: a run of a talk, or an attempt at a quest (on a talk, the training one by default). */
export type RecordTarget =
  | { kind: 'run'; profileId: string; projectId: string }
  | { kind: 'quest'; profileId: string; projectId: string; questCode: string };

/** The stored take: the run or the attempt that owns the recording. */
export type RecordedSubject =
  | { kind: 'run'; profileId: string; projectId: string; runId: string; audioArtifactId: string }
  | { kind: 'quest'; profileId: string; projectId: string; questCode: string; attemptId: string; audioArtifactId: string };

/** What a failed attempt to store already did, so that trying again does not redo it (no empty run left behind). */
export interface StoreProgress {
  runId?: string;
  audioArtifactId?: string;
}

/**
 * Stores a take: for a run, run_create, the upload, then run_attach_audio; for a quest, the upload then
 * quest_submit_audio (one attempt per recording).
 */
export async function storeRecording(target: RecordTarget, wav: Blob, done: StoreProgress = {}): Promise<RecordedSubject> {
  const { profileId, projectId } = target;
  if (target.kind === 'run') {
    const runId = (done.runId ??= (await invoke('run_create', { profileId, projectId })).run.id);
    const audioArtifactId = (done.audioArtifactId ??= (await uploadAudio(profileId, wav)).audioArtifactId);
    await invoke('run_attach_audio', { profileId, runId, audioArtifactId });
    return { kind: 'run', profileId, projectId, runId, audioArtifactId };
  }
  const audioArtifactId = (done.audioArtifactId ??= (await uploadAudio(profileId, wav)).audioArtifactId);
  const { attempt } = await invoke('quest_submit_audio', {
    profileId,
    projectId,
    questCode: target.questCode,
    audioArtifactId,
  });
  return { kind: 'quest', profileId, projectId, questCode: target.questCode, attemptId: attempt.id, audioArtifactId };
}

/** Points the run or attempt at an (edited) transcript. */
export async function linkTranscript(subject: RecordedSubject, transcriptId: string): Promise<void> {
  const { profileId } = subject;
  if (subject.kind === 'run') {
    await invoke('run_set_transcript', { profileId, runId: subject.runId, transcriptId });
    return;
  }
  await invoke('quest_submit_audio', {
    profileId,
    projectId: subject.projectId,
    questCode: subject.questCode,
    audioArtifactId: subject.audioArtifactId,
    transcriptId,
  });
}

/** Analyzes the take and returns the feedback id. */
export async function analyzeSubject(subject: RecordedSubject): Promise<string> {
  const { profileId } = subject;
  const { feedbackId } =
    subject.kind === 'run'
      ? await invoke('run_analyze', { profileId, runId: subject.runId })
      : await invoke('analyze_attempt', { profileId, attemptId: subject.attemptId });
  return feedbackId;
}
