import { isValidTargetSeconds, storedTalkText, TALK_LIMITS, talkTextRefusal } from '../../contracts/talk-rules.js';
import { AppError } from '../../kernel/errors.js';
import { TALK_STAGES, type ProjectChanges, type TalkStage } from './types.js';

/** Trimmed title of 1-120 characters. */
export function checkedTitle(raw: string): string {
  const refusal = talkTextRefusal('title', raw);
  if (refusal === 'project_title_required') throw new AppError(refusal, 'A talk needs a title.');
  if (refusal !== null) throw new AppError(refusal, `A talk title has at most ${TALK_LIMITS.title} characters.`);
  return storedTalkText(raw);
}

/** Blank becomes null; too long is refused (never cut: the speaker's words are not silently dropped). */
export function checkedOptionalText(raw: string | null | undefined, field: 'audience' | 'goal'): string | null {
  if (raw === null || raw === undefined) return null;
  const refusal = talkTextRefusal(field, raw);
  if (refusal !== null) throw new AppError(refusal, `The ${field} has at most ${TALK_LIMITS[field]} characters.`);
  const text = storedTalkText(raw);
  return text.length === 0 ? null : text;
}

export function checkedDuration(raw: number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  if (!isValidTargetSeconds(raw)) {
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
  if (changes.audience !== undefined) checked.audience = checkedOptionalText(changes.audience, 'audience');
  if (changes.goal !== undefined) checked.goal = checkedOptionalText(changes.goal, 'goal');
  if (changes.durationTargetSec !== undefined) checked.durationTargetSec = checkedDuration(changes.durationTargetSec);
  if (changes.stage !== undefined) checked.stage = checkedStage(changes.stage);
  return checked;
}
