import { nextTick, ref } from 'vue';
import { ApiError } from '../api/api-error';
import { fieldForCode, validateDraft, type TalkDraft, type TalkErrors } from './talk-draft';

/**
 * Validation state of a talk form: `check` runs the rules and focuses the first bad field; `fromServer` places a
 * refused field's code next to it (the message is also in the error region).
 */
export function useTalkForm(idPrefix: string) {
  const errors = ref<TalkErrors>({});

  function focusFirst(): void {
    const first = (['title', 'audience', 'goal', 'minutes'] as const).find((field) => errors.value[field]);
    if (first) void nextTick(() => document.getElementById(`${idPrefix}-${first}`)?.focus());
  }

  function check(draft: TalkDraft): boolean {
    errors.value = validateDraft(draft);
    focusFirst();
    return Object.keys(errors.value).length === 0;
  }

  function fromServer(error: unknown): void {
    if (!(error instanceof ApiError)) return;
    const field = fieldForCode(error.code);
    if (!field) return;
    errors.value = { ...errors.value, [field]: `error.${error.code}` };
    focusFirst();
  }

  return { errors, check, fromServer };
}
