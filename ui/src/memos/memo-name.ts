import type { VoiceMemo } from '../api/types/memo';
import { t } from '../i18n';
import { formatDateTime } from '../util/format';

/** What the list calls a memo: its title, else "Memo of <date>" (an unnamed memo has no title, see MEMO_TITLE_MAX). */
export function memoName(memo: VoiceMemo): string {
  return memo.title ?? t('memos.untitled', { date: formatDateTime(memo.createdAt) });
}
