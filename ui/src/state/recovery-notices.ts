import { reactive } from 'vue';
import { ApiError, invoke } from '../api/invoke';
import type { PendingRecoveryNotice } from '../api/types/health';
import { reportError } from './notices';

/**
 * The recoveries Lectern made on its own that the speaker has not dismissed: every page shows one banner per notice
 * (App.vue) until it is dismissed. Read again on each page change, since opening a profile can repair it.
 */
export const recoveryNotices = reactive({ pending: [] as PendingRecoveryNotice[] });

export async function refreshRecoveryNotices(): Promise<void> {
  try {
    recoveryNotices.pending = (await invoke('db_recovery_notices_pending', {})).notices;
  } catch (error) {
    reportError(error);
  }
}

/** The speaker read it; a notice already dismissed elsewhere (another window) is simply gone. */
export async function dismissRecoveryNotice(eventId: string): Promise<void> {
  try {
    await invoke('db_recovery_notice_dismiss', { eventId });
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'recovery_notice_not_found')) throw error;
  }
  recoveryNotices.pending = recoveryNotices.pending.filter((notice) => notice.id !== eventId);
}
