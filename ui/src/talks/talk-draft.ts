import { isValidTargetSeconds, TALK_LIMITS, talkTextRefusal } from '../../../src/contracts/talk-rules.js';
import type { CommandPayload } from '../api/invoke';
import type { MessageKey } from '../i18n';
import type { Project } from '../api/types/talk';

/** A talk's editable fields as typed in a form (the target is in minutes, as text). */
export interface TalkDraft {
  title: string;
  audience: string;
  goal: string;
  /** Vue's v-model on a number input may hold a number. */
  minutes: string | number;
}

export type TalkField = keyof TalkDraft;
export type TalkErrors = Partial<Record<TalkField, MessageKey>>;

/** The form's limits are the server's (src/contracts/talk-rules.ts); the target is typed in minutes. */
export const LIMITS = { ...TALK_LIMITS, maxMinutes: TALK_LIMITS.durationMaxSec / 60 } as const;

export function emptyDraft(): TalkDraft {
  return { title: '', audience: '', goal: '', minutes: '' };
}

export function draftFrom(project: Project): TalkDraft {
  return {
    title: project.title,
    audience: project.audience ?? '',
    goal: project.goal ?? '',
    minutes: project.durationTargetSec === null ? '' : String(Math.round((project.durationTargetSec / 60) * 100) / 100),
  };
}

/** Target minutes to whole seconds; null when empty; NaN when not a valid duration (1 s to 8 h). */
export function targetSeconds(minutes: string | number): number | null {
  const text = String(minutes).trim().replace(',', '.');
  if (text === '') return null;
  const value = Number(text);
  const seconds = Math.round(value * 60);
  return Number.isFinite(value) && isValidTargetSeconds(seconds) ? seconds : Number.NaN;
}

/** The server's rules, checked in the form so each message sits next to its field. */
export function validateDraft(draft: TalkDraft): TalkErrors {
  const errors: TalkErrors = {};
  for (const field of ['title', 'audience', 'goal'] as const) {
    const refusal = talkTextRefusal(field, draft[field]);
    if (refusal !== null) errors[field] = `error.${refusal}`;
  }
  if (Number.isNaN(targetSeconds(draft.minutes))) errors.minutes = 'error.project_duration_invalid';
  return errors;
}

/** Which field a server error code is about, so it is shown there too. */
export function fieldForCode(code: string): TalkField | null {
  if (code.startsWith('project_title_')) return 'title';
  if (code === 'project_audience_too_long') return 'audience';
  if (code === 'project_goal_too_long') return 'goal';
  if (code === 'project_duration_invalid') return 'minutes';
  return null;
}

function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** project_create's `project`: empty optional fields are left out. */
export function createPayload(draft: TalkDraft): CommandPayload<'project_create'>['project'] {
  const project: CommandPayload<'project_create'>['project'] = { title: draft.title.trim() };
  const audience = optional(draft.audience);
  const goal = optional(draft.goal);
  const seconds = targetSeconds(draft.minutes);
  if (audience) project.audience = audience;
  if (goal) project.goal = goal;
  if (seconds !== null) project.durationTargetSec = seconds;
  return project;
}

/** project_update's `changes`: every field is sent, an emptied one as null (which clears it). */
export function updateChanges(draft: TalkDraft): CommandPayload<'project_update'>['changes'] {
  return {
    title: draft.title.trim(),
    audience: optional(draft.audience),
    goal: optional(draft.goal),
    durationTargetSec: targetSeconds(draft.minutes),
  };
}
