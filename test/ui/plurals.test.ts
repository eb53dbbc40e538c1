import './support/page-document';
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { language, tn } from '../../ui/src/i18n';
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
