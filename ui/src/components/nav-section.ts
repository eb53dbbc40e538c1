/** The main-menu entries, by the path each one opens. */
export const NAV_PATHS = ['/profiles', '/talks', '/training', '/progress', '/memos', '/packs', '/health', '/settings', '/help'] as const;
export type NavPath = (typeof NAV_PATHS)[number];

/**
 * The menu entry a page belongs to, so that the active tab shows on every page, not only on the entry's own path: a
 * talk, its runs, the Record page and feedback are under Talks; a quest and recording for one are under Training.
 */
export function navSectionOf(path: string, query: Record<string, unknown> = {}): NavPath | null {
  const first = `/${path.split('/')[1] ?? ''}`;
  if (first === '/record') return query.questCode ? '/training' : '/talks';
  if (first === '/feedback') return '/talks';
  if (first === '/quest') return '/training';
  if (first === '/compare' || first === '/reviews') return '/talks';
  if (first === '/about') return '/help';
  return (NAV_PATHS as readonly string[]).includes(first) ? (first as NavPath) : null;
}
