import { reactive } from 'vue';
import { humanError, type HumanError } from './human-error';

export interface Notice extends HumanError {
  id: number;
}

/** What the shell's aria-live regions show: errors (assertive) and short status messages (polite). */
export const notices = reactive({ errors: [] as Notice[], status: '' });

let nextId = 1;
let statusTimer: ReturnType<typeof setTimeout> | undefined;

export function reportError(error: unknown): void {
  const human = humanError(error);
  notices.errors = [...notices.errors.filter((known) => known.code !== human.code || known.message !== human.message), { id: nextId++, ...human }];
}

export function dismissError(id: number): void {
  notices.errors = notices.errors.filter((notice) => notice.id !== id);
}

/** Forgets what belonged to the previous page (its errors and its status line). */
export function clearNotices(): void {
  notices.errors = [];
  notices.status = '';
}

/** A short confirmation ("Saved.") read by screen readers and shown for a few seconds. */
export function announce(message: string): void {
  notices.status = message;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => (notices.status = ''), 6000);
}
