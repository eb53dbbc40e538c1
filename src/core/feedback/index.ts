import type { Locale } from '../../contracts/locale.js';
import type { Database } from 'better-sqlite3';
import { FeedbackV1Schema } from '../../contracts/feedback-v1.js';
import { AppError } from '../../kernel/errors.js';
import { parseJsonOrNull } from '../../kernel/json.js';
import { clampLimit } from '../../kernel/list-limit.js';
import { newId } from '../../kernel/ids.js';
import { nowUtc } from '../../kernel/time.js';
import type { ArtifactStore } from '../../platform/artifacts/artifact-store.js';
import { audioMetricsOf, reviewPeaksOf } from '../audio/index.js';
import { existingAttempt, existingQuest } from '../quest/index.js';
import { existingRun } from '../run/index.js';
import { existingProject } from '../talk/index.js';
import { guessLanguage, readScriptAdherence, readTranscript, type TranscriptV1 } from '../transcript/index.js';
import type { ProfileSession } from '../workspace/index.js';
import { analyzeTranscript, reviewMarks } from './analyzer/index.js';
import { keyMetricsOf } from './key-metrics.js';
import * as repo from './repo.js';
import {
  NOTE_MAX,
  TIMELINE_DEFAULT,
  TIMELINE_MAX,
  type AnalysisResult,
  type FeedbackContext,
  type FeedbackNote,
  type FeedbackReview,
  type FeedbackV1,
  type TimelineItem,
} from './types.js';

export type * from './types.js';
export { analyzeTranscript, ANALYZER_VERSION } from './analyzer/index.js';
/** Row-level step for a write that replaces a run's recording (a trim), inside the caller's transaction. */
export { deleteRunFeedback } from './repo.js';
export { backfillKeyMetrics, type BackfillOutcome } from './backfill-key-metrics.js';

/**
 * Analyzes a run's transcript. Idempotent: a run that already has feedback returns it and writes nothing, unless
 * `force` asks for a new analysis (the older one stays as history). The FeedbackV1 file and its row are written as one
 * unit: if the row cannot be inserted, the file is removed.
 */
export function analyzeRun(session: ProfileSession, runId: string, force = false): AnalysisResult {
  const db = session.db;
  const run = existingRun(db, runId);
  if (run.feedbackId && !force) return { feedbackId: run.feedbackId, created: false };
  if (!run.transcriptId) throw new AppError('run_missing_transcript', 'This run has no transcript yet: transcribe or type it first.');
  const artifacts = session.artifacts;
  const project = existingProject(db, run.projectId);
  const feedback = analyzeTranscript({
    transcript: readTranscript(artifacts, run.transcriptId),
    targetDurationSec: project.durationTargetSec,
    ...audioFacts(artifacts, run.audioArtifactId),
  });
  return { feedbackId: storeFeedback(db, artifacts, feedback, { runId, attemptId: null }, nowUtc(session.clock)), created: true };
}

/** Analyzes a quest attempt (its written answer, else its transcript). Idempotent like runs. */
export function analyzeAttempt(session: ProfileSession, attemptId: string, force = false): AnalysisResult {
  const db = session.db;
  const attempt = existingAttempt(db, attemptId);
  if (attempt.feedbackId && !force) return { feedbackId: attempt.feedbackId, created: false };
  const artifacts = session.artifacts;
  const transcript = attemptTranscript(artifacts, attempt.outputText, attempt.transcriptId);
  const quest = existingQuest(db, attempt.questCode);
  const target = quest.outputType === 'audio' ? quest.estimatedSec : null;
  const feedback = analyzeTranscript({ transcript, targetDurationSec: target, ...audioFacts(artifacts, attempt.audioArtifactId) });
  return { feedbackId: storeFeedback(db, artifacts, feedback, { runId: null, attemptId }, nowUtc(session.clock)), created: true };
}

export function getFeedback(session: ProfileSession, feedbackId: string): FeedbackV1 {
  const db = session.db;
  const row = existingFeedback(db, feedbackId);
  const { data } = session.artifacts.read(row.artifactId);
  const parsed = FeedbackV1Schema.safeParse(parseJsonOrNull(data.toString('utf8')));
  if (!parsed.success) throw new AppError('feedback_invalid', 'The stored feedback file cannot be read.');
  return parsed.data;
}

export function feedbackContext(session: ProfileSession, feedbackId: string, locale: Locale = 'en'): FeedbackContext {
  const db = session.db;
  const row = existingFeedback(db, feedbackId);
  return {
    feedbackId,
    subjectType: row.runId ? 'run' : 'quest_attempt',
    projectId: row.projectId,
    runId: row.runId,
    attemptId: row.attemptId,
    questCode: row.questCode,
    questTitle: row.questCode ? existingQuest(db, row.questCode, locale).title : null,
  };
}

/**
 * What the review page shows with a feedback: the subject's recording as waveform peaks (measured once, then cached
 * with the recording), its current transcript word by word, marked by the analyzer's own rules, and how the take
 * followed the script when it was aligned with one (kept with the transcript).
 */
export async function feedbackReview(session: ProfileSession, feedbackId: string): Promise<FeedbackReview> {
  const db = session.db;
  const row = existingFeedback(db, feedbackId);
  const artifacts = session.artifacts;
  let subject: { audioArtifactId: string | null };
  let transcript: TranscriptV1 | null;
  let transcriptId: string | null;
  if (row.runId) {
    const run = existingRun(db, row.runId);
    subject = run;
    transcriptId = run.transcriptId;
    transcript = transcriptId ? readTranscript(artifacts, transcriptId) : null;
  } else {
    const attempt = existingAttempt(db, row.attemptId!);
    subject = attempt;
    transcriptId = attempt.outputText?.trim() ? null : attempt.transcriptId;
    transcript = attemptTranscript(artifacts, attempt.outputText, attempt.transcriptId);
  }
  const scriptAdherence = transcriptId ? readScriptAdherence(artifacts, transcriptId) : null;
  const facts = audioFacts(artifacts, subject.audioArtifactId);
  const marks = transcript ? reviewMarks({ transcript, ...facts }) : { words: [], pauses: [], fastPassages: [] };
  const peaks = subject.audioArtifactId ? await reviewPeaksOf(artifacts, subject.audioArtifactId) : [];
  return { feedbackId, audioArtifactId: subject.audioArtifactId, durationMs: facts.audioDurationMs ?? transcript?.durationMs ?? null, peaks, ...marks, scriptAdherence };
}

/** The score, duration and pace of each feedback asked for that exists (a run list shows them), in no set order. */
export function feedbackNumbers(session: ProfileSession, feedbackIds: readonly string[]): repo.FeedbackNumbers[] {
  return repo.feedbackNumbers(session.db, feedbackIds);
}

/** Newest first, for one talk or the whole profile; the limit defaults to 30 and is clamped to 1..100. */
export function feedbackTimeline(
  session: ProfileSession,
  request: { projectId?: string | undefined; limit?: number | undefined; locale?: Locale } = {},
): TimelineItem[] {
  const db = session.db;
  if (request.projectId) existingProject(db, request.projectId);
  const limit = clampLimit(request.limit, TIMELINE_DEFAULT, TIMELINE_MAX);
  return repo.timeline(db, request.projectId ?? null, limit).map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    overallScore: row.overallScore,
    subjectType: row.runId ? 'run' : 'quest_attempt',
    projectId: row.projectId,
    runId: row.runId,
    attemptId: row.attemptId,
    questCode: row.questCode,
    questTitle: row.questCode ? existingQuest(db, row.questCode, request.locale ?? 'en').title : null,
    noteUpdatedAt: row.noteUpdatedAt,
    openedAt: row.openedAt,
  }));
}

export function getNote(session: ProfileSession, feedbackId: string): FeedbackNote {
  const db = session.db;
  existingFeedback(db, feedbackId);
  const note = repo.findNote(db, feedbackId);
  return { feedbackId, text: note?.text ?? null, updatedAt: note?.updatedAt ?? null };
}

/** Trimmed; an empty note deletes it. */
export function setNote(session: ProfileSession, feedbackId: string, rawText: string): FeedbackNote {
  const db = session.db;
  const text = rawText.trim();
  if ([...text].length > NOTE_MAX) throw new AppError('note_too_long', `A note holds at most ${NOTE_MAX} characters.`);
  const now = nowUtc(session.clock);
  db.transaction(() => {
    existingFeedback(db, feedbackId);
    repo.saveNote(db, feedbackId, text.length > 0 ? text : null, now);
  }).immediate();
  return text.length > 0 ? { feedbackId, text, updatedAt: now } : { feedbackId, text: null, updatedAt: null };
}

/**
 * Records that the speaker has seen a feedback (its review page was shown): the first time is kept, so calling it
 * again changes nothing. The mascot then no longer counts it as fresh feedback to read.
 */
export function markFeedbackOpened(session: ProfileSession, feedbackId: string): { feedbackId: string; openedAt: string } {
  const { db } = session;
  const now = nowUtc(session.clock);
  const openedAt = db
    .transaction(() => {
      existingFeedback(db, feedbackId);
      return repo.markOpened(db, feedbackId, now);
    })
    .immediate();
  return { feedbackId, openedAt };
}

function storeFeedback(db: Database, artifacts: ArtifactStore, feedback: FeedbackV1, subject: { runId: string | null; attemptId: string | null }, createdAt: string): string {
  const id = newId('fb');
  const data = Buffer.from(JSON.stringify(feedback), 'utf8');
  artifacts.commitWith([{ type: 'feedback', extension: 'json', data, metadata: { feedbackId: id, ...subject } }], ([staged]) => {
    repo.insertFeedback(db, {
      id,
      ...subject,
      createdAt,
      artifactId: staged!.id,
      overallScore: feedback.overallScore,
      analyzerVersion: feedback.analyzerVersion,
      ...keyMetricsOf(feedback),
    });
  });
  return id;
}

function attemptTranscript(artifacts: ArtifactStore, outputText: string | null, transcriptId: string | null): TranscriptV1 {
  if (outputText && outputText.trim().length > 0) {
    return { schemaVersion: 1, language: guessLanguage(outputText), durationMs: null, segments: [{ tStartMs: 0, tEndMs: 0, text: outputText }] };
  }
  if (transcriptId) return readTranscript(artifacts, transcriptId);
  throw new AppError('attempt_missing_text', 'This attempt has neither a written answer nor a transcript yet.');
}

/**
 * When the subject has a measured recording, its real duration, pauses and speaking time come from the audio, and the
 * delivery (pitch variability, loudness, clipping) is judged on it too.
 */
function audioFacts(artifacts: ArtifactStore, audioArtifactId: string | null) {
  const metrics = audioArtifactId ? audioMetricsOf(artifacts, audioArtifactId) : null;
  if (!metrics) return {};
  return {
    audioDurationMs: metrics.durationMs,
    audioPauses: metrics.pauses,
    audioDelivery: {
      speakingTimeMs: metrics.speakingTimeMs,
      pitchVariabilitySemitones: metrics.pitch.variabilitySemitones,
      monotone: metrics.pitch.monotone,
      rmsDbfs: metrics.loudness.rmsDbfs,
      tooQuiet: metrics.loudness.tooQuiet,
      clippingRatio: metrics.clippingRatio,
      pitchTrack: metrics.pitch.track,
    },
  };
}

function existingFeedback(db: Database, feedbackId: string) {
  const row = repo.findFeedback(db, feedbackId);
  if (!row) throw new AppError('feedback_not_found', 'No feedback with this id exists in this profile.');
  return row;
}

