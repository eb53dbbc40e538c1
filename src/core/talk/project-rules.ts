import { AppError } from '../../kernel/errors.js';
import { TALK_STAGES, type ProjectChanges, type TalkStage } from './types.js';

export const TITLE_MAX = 120;
export const AUDIENCE_MAX = 240;
export const GOAL_MAX = 1000;
/** Eight hours: longer is surely a typo of minutes for seconds. */
export const DURATION_MAX_SEC = 8 * 3600;

/** Trimmed title of 1-120 characters. */
export function checkedTitle(raw: string): string {
  const title = raw.normalize('NFC').trim();
  if (title.length === 0) throw new AppError('project_title_required', 'A talk needs a title.');
  if ([...title].length > TITLE_MAX) throw new AppError('project_title_too_long', `A talk title has at most ${TITLE_MAX} characters.`);
  return title;
}

/** Blank becomes null; too long is refused (never cut: the speaker's words are not silently dropped). */
export function checkedOptionalText(raw: string | null | undefined, max: number, code: string, what: string): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.normalize('NFC').trim();
  if (text.length === 0) return null;
  if ([...text].length > max) throw new AppError(code, `The ${what} has at most ${max} characters.`);
  return text;
}

export function checkedDuration(raw: number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  if (!Number.isInteger(raw) || raw <= 0 || raw > DURATION_MAX_SEC) {
    throw new AppError('project_duration_invalid', 'The target duration is a whole number of seconds, from 1 to 8 hours.');
  }
  return raw;
}

export function checkedStage(raw: string): TalkStage {
  if (!(TALK_STAGES as readonly string[]).includes(raw)) {
    throw new AppError('project_stage_invalid', `A talk's stage is one of ${TALK_STAGES.join(', ')}.`);
  }
  return raw as TalkStage;
}

/** Every field a create or update may set, checked; absent fields stay absent. */
export function checkedChanges(changes: ProjectChanges): ProjectChanges {
  const checked: ProjectChanges = {};
  if (changes.title !== undefined) checked.title = checkedTitle(changes.title);
  if (changes.audience !== undefined) checked.audience = checkedOptionalText(changes.audience, AUDIENCE_MAX, 'project_audience_too_long', 'audience');
  if (changes.goal !== undefined) checked.goal = checkedOptionalText(changes.goal, GOAL_MAX, 'project_goal_too_long', 'goal');
  if (changes.durationTargetSec !== undefined) checked.durationTargetSec = checkedDuration(changes.durationTargetSec);
  if (changes.stage !== undefined) checked.stage = checkedStage(changes.stage);
  return checked;
}
