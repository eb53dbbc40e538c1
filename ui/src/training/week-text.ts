import type { ProgressSnapshot } from '../api/types/coach';
import { t } from '../i18n';
import { formatNumber } from '../util/format';

/** "Sessions: 3 of 5", or "Goal reached (6 of 5)" once the week's goal is met (never "6 of 5 sessions"). */
export function weekText(progress: Pick<ProgressSnapshot, 'weeklyCompleted' | 'weeklyTarget'>): string {
  const params = { done: formatNumber(progress.weeklyCompleted, 0), target: formatNumber(progress.weeklyTarget, 0) };
  return progress.weeklyCompleted >= progress.weeklyTarget ? t('progress.weekReached', params) : t('progress.weekValue', params);
}
