import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { progressInsights, type InsightPoint } from '../../ui/src/progress/insights';
import { withinPeriod } from '../../ui/src/progress/period';
import { pointLabels } from '../../ui/src/progress/point-labels';
import { ON_TARGET_BAND, percentOfTarget } from '../../ui/src/progress/trend-series';

// Formats that read the ISO text itself: the rule is tested, not a locale or a time zone.
const FORMAT = { day: (iso: string) => iso.slice(5, 10), dayAndTime: (iso: string) => `${iso.slice(5, 10)} ${iso.slice(11, 16)}` };

function point(at: string, score: number, fillersPerMin: number | null = null, wpm: number | null = null): InsightPoint {
  return { feedbackId: `fb_${at}`, at, score, wpm, fillersPerMin };
}

describe('progress charts: labels, periods and insights', { timeout: 10_000 }, () => {
  test('a point shows its day alone when it has the day to itself, its time too when another point shares the day', () => {
    const ats = ['2026-11-28T09:00:00Z', '2026-11-28T17:30:00Z', '2026-11-29T10:00:00Z', '2026-11-30T08:00:00Z', '2026-11-30T08:00:30Z'];
    assert.deepEqual(pointLabels(ats, FORMAT), ['11-28 09:00', '11-28 17:30', '11-29', '11-30 08:00 (1)', '11-30 08:00 (2)']);
  });

  test('a run’s length against its talk’s target: percent of the target, and the ±20% band the analyzer forgives', () => {
    assert.equal(percentOfTarget(330_000, 300), 110);
    assert.equal(percentOfTarget(200_000, 300), 67); // 66.67 rounds to 67
    assert.equal(percentOfTarget(330_000, null), null, 'a talk without a target');
    assert.equal(percentOfTarget(null, 300), null, 'typed text has no duration');
    assert.deepEqual(ON_TARGET_BAND, [80, 120]);
  });

  test('periods keep the last 7 or 30 days before now, or everything', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const points = [{ at: '2026-10-01T12:00:00Z' }, { at: '2026-11-23T12:00:00Z' }, { at: '2026-11-23T12:00:01Z' }, { at: '2026-11-30T11:00:00Z' }];
    assert.deepEqual(withinPeriod(points, 'week', now).map((p) => p.at), ['2026-11-23T12:00:01Z', '2026-11-30T11:00:00Z']);
    assert.deepEqual(withinPeriod(points, 'month', now).length, 3);
    assert.deepEqual(withinPeriod(points, 'all', now).length, 4);
  });

  test('personal bests: the highest score and the lowest filler rate, the first one reached when tied', () => {
    const insights = progressInsights([point('d1', 70, 3), point('d2', 85, 1.5), point('d3', 85, 1.5), point('d4', 60, null)]);
    assert.deepEqual(insights.bestScore, { value: 85, at: 'd2', feedbackId: 'fb_d2' });
    assert.deepEqual(insights.lowestFillers, { value: 1.5, at: 'd2', feedbackId: 'fb_d2' });
  });

  test('trends span the last 5 analyses: a filler rate at half or less has halved, twice or more has doubled', () => {
    const six = [point('d0', 50, 9), point('d1', 60, 4), point('d2', 62, 3), point('d3', 61, 3), point('d4', 70, 2.5), point('d5', 75, 2)];
    const insights = progressInsights(six);
    assert.deepEqual(insights.fillerTrend, { from: 4, to: 2, runs: 5, direction: 'halved' });
    assert.deepEqual(insights.scoreTrend, { from: 60, to: 75, runs: 5, direction: 'up' });
    assert.equal(progressInsights([point('a', 70, 2), point('b', 70, 2.1)]).fillerTrend?.direction, 'up', '2 → 2.1 has not doubled');
    assert.equal(progressInsights([point('a', 70, 2.1), point('b', 70, 1.1)]).fillerTrend?.direction, 'down', '2.1 → 1.1 is not half');
    assert.equal(progressInsights([point('a', 70, 1), point('b', 70, 2)]).fillerTrend?.direction, 'doubled');
    assert.equal(progressInsights([point('a', 70, 0), point('b', 70, 0)]).fillerTrend?.direction, 'same');
    assert.equal(progressInsights([point('a', 70, 2)]).fillerTrend, null, 'one analysis is no trend');
  });

  test('ideal pace counts the last 5 analyses with a pace inside the band from feedback-rules (130-160 inclusive)', () => {
    const paces = [point('a', 1, null, 100), point('b', 1, null, 129), point('c', 1, null, 130), point('d', 1, null, 160), point('e', 1, null, 161), point('f', 1, null, null), point('g', 1, null, 145)];
    assert.deepEqual(progressInsights(paces).idealPace, { inBand: 3, runs: 5 });
    assert.equal(progressInsights([point('a', 1)]).idealPace, null);
  });
});
