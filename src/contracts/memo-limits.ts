/**
 * Limits of voice memos, shared by the server and the UI (zod-free: the UI imports it at run time). A title is trimmed
 * and then 1-120 characters; an unnamed memo has none and the interface names it by its date.
 */
export const MEMO_TITLE_MAX = 120;

export type MemoTitleProblem = 'memo_title_required' | 'memo_title_too_long';

/** Why a title (as typed) is refused, or null when it is fine once trimmed. */
export function memoTitleProblem(raw: string): MemoTitleProblem | null {
  const title = raw.trim();
  if (title.length === 0) return 'memo_title_required';
  if ([...title].length > MEMO_TITLE_MAX) return 'memo_title_too_long';
  return null;
}
