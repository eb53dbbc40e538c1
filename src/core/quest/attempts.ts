import type { Database } from 'better-sqlite3';
import { AppError } from '../../kernel/errors.js';
import { clampLimit } from '../../kernel/list-limit.js';
import { newId } from '../../kernel/ids.js';
import { nowUtc } from '../../kernel/time.js';
import { existingProject } from '../talk/index.js';
import type { ProfileSession } from '../workspace/index.js';
import { existingQuest } from './quests.js';
import * as repo from './repo.js';
import {
  ATTEMPT_LIST_DEFAULT,
  ATTEMPT_LIST_MAX,
  ATTEMPT_TEXT_MAX,
  type AttemptListItem,
  type Locale,
  type Quest,
  type QuestAttempt,
  type QuestReportLine,
} from './types.js';

/** A written answer to a text quest. */
export function submitText(session: ProfileSession, projectId: string, questCode: string, rawText: string): QuestAttempt {
  const db = session.db;
  const text = rawText.trim();
  if (text.length === 0) throw new AppError('attempt_text_empty', 'Write an answer before submitting.');
  if ([...text].length > ATTEMPT_TEXT_MAX) throw new AppError('attempt_text_too_long', `An answer holds at most ${ATTEMPT_TEXT_MAX} characters.`);
  const id = newId('att');
  db.transaction(() => {
    existingProject(db, projectId);
    assertOutputType(existingQuest(db, questCode), 'text');
    repo.insertAttempt(db, { id, projectId, questCode, createdAt: nowUtc(session.clock), outputText: text, audioArtifactId: null, transcriptId: null });
  }).immediate();
  return repo.findAttempt(db, id)!;
}

/**
 * A recorded take of an audio quest. One attempt per recording: submitting the same recording again returns that
 * attempt, attaching the transcript when one is given (the recording is usually transcribed after the first submit).
 */
export function submitAudio(
  session: ProfileSession,
  input: { projectId: string; questCode: string; audioArtifactId: string; transcriptId?: string | null },
): QuestAttempt {
  const db = session.db;
  const artifacts = session.artifacts;
  const attemptId = db
    .transaction(() => {
      existingProject(db, input.projectId);
      assertOutputType(existingQuest(db, input.questCode), 'audio');
      artifacts.getOfType(input.audioArtifactId, 'audio');
      if (input.transcriptId) artifacts.getOfType(input.transcriptId, 'transcript');
      const existing = repo.findAttemptByAudio(db, input.audioArtifactId);
      if (existing) {
        if (existing.projectId !== input.projectId || existing.questCode !== input.questCode) {
          throw new AppError('attempt_audio_in_use', 'This recording already belongs to another attempt.');
        }
        if (input.transcriptId && input.transcriptId !== existing.transcriptId) repo.setAttemptTranscript(db, existing.id, input.transcriptId);
        return existing.id;
      }
      const id = newId('att');
      repo.insertAttempt(db, {
        id,
        projectId: input.projectId,
        questCode: input.questCode,
        createdAt: nowUtc(session.clock),
        outputText: null,
        audioArtifactId: input.audioArtifactId,
        transcriptId: input.transcriptId ?? null,
      });
      return id;
    })
    .immediate();
  return repo.findAttempt(db, attemptId)!;
}

/** Newest first; the limit defaults to 6 and is clamped to 1..100. */
export function listAttempts(session: ProfileSession, projectId: string, limit?: number, locale: Locale = 'en'): AttemptListItem[] {
  const db = session.db;
  existingProject(db, projectId);
  const titles = questTitles(db, locale);
  return repo.listAttempts(db, projectId, clampLimit(limit, ATTEMPT_LIST_DEFAULT, ATTEMPT_LIST_MAX)).map((attempt) => toListItem(attempt, titles));
}

/** Every quest with the latest attempt at it on this talk (null when never tried). */
export function questReport(session: ProfileSession, projectId: string, locale: Locale = 'en'): QuestReportLine[] {
  const db = session.db;
  existingProject(db, projectId);
  const titles = questTitles(db, locale);
  const latest = new Map(repo.latestAttemptPerQuest(db, projectId).map((attempt) => [attempt.questCode, attempt]));
  return repo.listQuests(db, locale).map((quest) => {
    const attempt = latest.get(quest.code);
    return { quest, latestAttempt: attempt ? toListItem(attempt, titles) : null };
  });
}

export function existingAttempt(db: Database, attemptId: string): QuestAttempt {
  const attempt = repo.findAttempt(db, attemptId);
  if (!attempt) throw new AppError('attempt_not_found', 'No quest attempt with this id exists in this profile.');
  return attempt;
}

function assertOutputType(quest: Quest, expected: Quest['outputType']): void {
  if (quest.outputType !== expected) {
    throw new AppError('quest_output_type_mismatch', `This quest expects ${quest.outputType === 'text' ? 'a written answer' : 'a recording'}.`);
  }
}

function questTitles(db: Database, locale: Locale): Map<string, Quest> {
  return new Map(repo.listQuests(db, locale).map((quest) => [quest.code, quest]));
}

function toListItem(attempt: QuestAttempt, quests: Map<string, Quest>): AttemptListItem {
  const quest = quests.get(attempt.questCode);
  return {
    id: attempt.id,
    questCode: attempt.questCode,
    questTitle: quest?.title ?? attempt.questCode,
    outputType: quest?.outputType ?? (attempt.audioArtifactId ? 'audio' : 'text'),
    createdAt: attempt.createdAt,
    hasAudio: attempt.audioArtifactId !== null,
    hasTranscript: attempt.transcriptId !== null,
    hasFeedback: attempt.feedbackId !== null,
    feedbackId: attempt.feedbackId,
  };
}
