import { t, tn } from '../i18n';
import { formatNumber } from '../util/format';

/** "1 pause, 0 long" / "1 pause, dont 0 longue": each count agrees with its own number, in both languages. */
export function pausesText(pauses: number, longPauses: number): string {
  return t('metrics.pausesValue', { pauses: tn('metrics.pauseCount', pauses), long: tn('metrics.longPauses', longPauses) });
}

/**
 * "2 phrases, 11.5 words on average, 0 long": phrases when recognised speech was cut at pauses (it has no
 * punctuation), sentences when the text was punctuated.
 */
export function sentencesText(byPauses: boolean, count: number, averageWords: number, long: number): string {
  const avg = formatNumber(averageWords);
  return byPauses
    ? t('metrics.phrasesValue', { phrases: tn('metrics.phraseCount', count), avg, long: tn('metrics.longPhrases', long) })
    : t('metrics.sentencesValue', { sentences: tn('metrics.sentenceCount', count), avg, long: tn('metrics.longSentences', long) });
}
