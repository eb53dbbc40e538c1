import type { Locale } from '../../../src/contracts/locale.js';
import { invoke } from '../api/invoke';
import { stageAudio, uploadAudio } from '../api/upload';
import { language } from '../i18n';
import { engineStatus, initialLanguage } from './engine-choice';

/** What a take is recorded for: a run of a talk, or an attempt at a quest (on a talk, the training one by default). */
export type RecordTarget =
  | { kind: 'run'; profileId: string; projectId: string }
  | { kind: 'quest'; profileId: string; projectId: string; questCode: string };

/** The stored take: the run (with the job taking it to feedback) or the attempt that owns the recording. */
export type RecordedSubject =
  | { kind: 'run'; profileId: string; projectId: string; runId: string; audioArtifactId: string; jobId: string }
  | { kind: 'quest'; profileId: string; projectId: string; questCode: string; attemptId: string; audioArtifactId: string };

/** What a failed attempt to store already did, so that trying again does not redo it (one attempt per quest take). */
export interface StoreProgress {
  audioArtifactId?: string;
}

/**
 * Stores a take. For a run: the upload stages it, then `run_record` imports it, creates the run owning it and starts
 * its transcription and analysis, all on the server (a failure there leaves nothing, so trying again redoes both);
 * `alignWith` is the script to align the take with (the talk's outline, when the speaker asked for it).
 * For a quest: the upload then quest_submit_audio (one attempt per recording).
 */
export async function storeRecording(target: RecordTarget, wav: Blob, done: StoreProgress = {}, alignWith: string | null = null): Promise<RecordedSubject> {
  const { profileId, projectId } = target;
  if (target.kind === 'run') {
    const talkLanguage = await automaticLanguage();
    const { uploadId } = await stageAudio(profileId, wav);
    const script = alignWith ? { scriptText: alignWith } : {};
    const { run, job } = await invoke('run_record', { profileId, projectId, uploadId, language: talkLanguage, ...script });
    return { kind: 'run', profileId, projectId, runId: run.id, audioArtifactId: run.audioArtifactId ?? '', jobId: job.id };
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

/** The language the automatic transcription uses: the interface's when the default engine speaks it, else its own. */
async function automaticLanguage(): Promise<Locale> {
  const status = await invoke('asr_status', {});
  return initialLanguage(engineStatus(status, status.defaultEngine), language.value);
}
