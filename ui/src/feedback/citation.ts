import type { TopAction } from '../api/types/feedback';
import { t } from '../i18n';
import { formatClock, formatNumber } from '../util/format';

type Citation = NonNullable<TopAction['cites']>;

/** The measurement behind an action, in words, with the limit it crossed ("184 words a minute; over 160 is fast"). */
export function citationText(cites: Citation): string {
  const value = formatNumber(cites.value);
  const limit = formatNumber(cites.limit);
  switch (cites.metric) {
    case 'wpm':
      return t(cites.value > cites.limit ? 'cite.wpm.over' : 'cite.wpm.under', { value, limit });
    case 'durationMs':
      return t(cites.value > cites.limit ? 'cite.durationMs.over' : 'cite.durationMs.under', { value: formatClock(cites.value), limit: formatClock(cites.limit) });
    case 'clippingRatio':
      return t('cite.clippingRatio', { value: formatNumber(cites.value * 100, 2), limit: formatNumber(cites.limit * 100, 2) });
    default:
      return t(`cite.${cites.metric}`, { value, limit });
  }
}
