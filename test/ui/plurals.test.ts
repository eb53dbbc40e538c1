import './support/page-document';
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { language, tn } from '../../ui/src/i18n';
import { pausesText, sentencesText } from '../../ui/src/feedback/metric-counts';
import { weekText } from '../../ui/src/training/week-text';
import { formatPercent } from '../../ui/src/util/format';

afterEach(() => {
  language.value = 'en';
});

describe('counts in words, in both languages', { timeout: 5_000 }, () => {
  test('English: 1 day, 1 talk, 1 file, 2 days; French: 0 jour, 1 jour, 2 jours', () => {
    assert.deepEqual(
      [tn('progress.days', 1), tn('progress.days', 2), tn('profiles.talkCount', 1), tn('packs.previewFiles', 1), tn('chart.summary', 1, { min: '3', max: '3', last: '3' })],
      ['1 day', '2 days', '1 talk', '1 file in the pack', '1 point: 3.'],
    );
    language.value = 'fr';
    assert.deepEqual([tn('progress.days', 0), tn('progress.days', 1), tn('progress.days', 2), tn('profiles.talkCount', 1)], ['0 jour', '1 jour', '2 jours', '1 présentation']);
  });

  test('the review page’s counts agree with their numbers: "1 pause, 0 long", "1 pause, dont 0 longue", "1 groupe de mots"', () => {
    assert.deepEqual(
      [pausesText(1, 0), pausesText(3, 1), sentencesText(true, 1, 11.5, 1), sentencesText(false, 2, 9, 0)],
      ['1 pause, 0 long', '3 pauses, 1 long', '1 phrase, 11.5 words on average, 1 long', '2 sentences, 9 words on average, 0 long'],
    );
    language.value = 'fr';
    assert.deepEqual(
      [pausesText(1, 0), pausesText(3, 2), sentencesText(true, 1, 11.5, 2), sentencesText(false, 1, 9, 1)],
      ['1 pause, dont 0 longue', '3 pauses, dont 2 longues', '1 groupe de mots, 11,5 mots en moyenne, 2 longs', '1 phrase, 9 mots en moyenne, 1 longue'],
    );
  });

  test('the week: "Sessions: 3 of 5" until the goal, then "Goal reached", never "6 of 5 sessions"', () => {
    assert.equal(weekText({ weeklyCompleted: 3, weeklyTarget: 5 }), 'Sessions: 3 of 5');
    assert.equal(weekText({ weeklyCompleted: 6, weeklyTarget: 5 }), 'Goal reached (6 of 5)');
    language.value = 'fr';
    assert.equal(weekText({ weeklyCompleted: 5, weeklyTarget: 5 }), 'Objectif atteint (5 sur 5)');
  });

  test('percentages through Intl: 34% in English, 34 % (no-break space) in French', () => {
    assert.equal(formatPercent(34), '34%');
    language.value = 'fr';
    assert.equal(formatPercent(34), '34\u00a0%');
  });
});
