import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dayBefore, localDayFormatter, streakDays } from '../../src/kernel/local-day.js';
import { assertThrowsCode } from '../support/errors.js';

describe('local days and streaks', { timeout: 10_000 }, () => {
  test('a moment is placed on the local day of the time zone, given as text or as a Date', () => {
    const montreal = localDayFormatter('America/Montreal');
    assert.equal(montreal('2026-11-23T04:30:00.000Z'), '2026-11-22'); // 23:30 the evening before
    assert.equal(montreal(new Date('2026-11-23T04:30:00.000Z')), '2026-11-22');
    assert.equal(localDayFormatter('Asia/Tokyo')('2026-11-22T16:00:00.000Z'), '2026-11-23'); // 01:00 the next day
  });

  test('an unknown time zone is refused with its code and a sentence the client can show', () => {
    const error = assertThrowsCode(() => localDayFormatter('Mars/Olympus_Mons'), 'time_zone_invalid');
    assert.equal(error.message, 'The time zone is not a known IANA name (like Europe/Paris).');
  });

  test('dayBefore counts calendar days across months, years and clock changes', () => {
    assert.equal(dayBefore('2026-03-01'), '2026-02-28');
    assert.equal(dayBefore('2025-01-01'), '2024-12-31');
    assert.equal(dayBefore('2026-03-30', 2), '2026-03-28'); // over the last Sunday of March
    assert.equal(dayBefore('2026-11-23', 0), '2026-11-23');
  });

  test('a streak counts back from today when the speaker practised today', () => {
    assert.equal(streakDays(new Set(['2026-11-21', '2026-11-22', '2026-11-23']), '2026-11-23'), 3);
  });

  test('a streak still counts from yesterday before today’s practice', () => {
    assert.equal(streakDays(new Set(['2026-11-21', '2026-11-22']), '2026-11-23'), 2);
  });

  test('a missed day ends the streak; no practice since the day before yesterday is no streak', () => {
    assert.equal(streakDays(new Set(['2026-11-19', '2026-11-20', '2026-11-22', '2026-11-23']), '2026-11-23'), 2);
    assert.equal(streakDays(new Set(['2026-11-21']), '2026-11-23'), 0);
    assert.equal(streakDays(new Set(), '2026-11-23'), 0);
  });
});
