import './support/page-document';
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { language } from '../../ui/src/i18n';
import { formatBytes, formatClock, formatDateTime, formatMinutes, formatNumber, formatShortDate } from '../../ui/src/util/format';

// Dates are shown in the machine's time zone; this test fixes it so that 14:07 UTC reads 14:07.
process.env.TZ = 'UTC';
const NNBSP = '\u202f'; // French groups thousands with a narrow no-break space

afterEach(() => {
  language.value = 'en';
});

describe('numbers, sizes, dates and durations on screen', { timeout: 10_000 }, () => {
  test('formatClock: minutes and seconds, hours only when there are some', () => {
    assert.equal(formatClock(0), '0:00');
    assert.equal(formatClock(999), '0:00'); // whole seconds elapsed
    assert.equal(formatClock(59_999), '0:59');
    assert.equal(formatClock(61_000), '1:01');
    assert.equal(formatClock(3_599_000), '59:59');
    assert.equal(formatClock(3_723_000), '1:02:03');
  });

  test('formatClock never shows a negative time', () => {
    assert.equal(formatClock(-5000), '0:00');
  });

  test('formatDateTime: medium date and short time, in English and French', () => {
    assert.equal(formatDateTime('2024-03-05T14:07:00.000Z'), '5 Mar 2024, 14:07');
    language.value = 'fr';
    assert.equal(formatDateTime('2024-03-05T14:07:00.000Z'), '5 mars 2024, 14:07');
  });

  test('formatDateTime: no date is a dash, an unreadable one is shown as it is', () => {
    assert.equal(formatDateTime(null), '—');
    assert.equal(formatDateTime('not a date'), 'not a date');
  });

  test('formatShortDate: day and month', () => {
    assert.equal(formatShortDate('2024-03-05T14:07:00.000Z'), '5 Mar');
    language.value = 'fr';
    assert.equal(formatShortDate('2024-03-05T14:07:00.000Z'), '5 mars');
    assert.equal(formatShortDate('garbage'), 'garbage');
  });

  test('formatNumber: one decimal by default, the language decides the separators', () => {
    assert.equal(formatNumber(1234.56), '1,234.6');
    assert.equal(formatNumber(2.25, 2), '2.25');
    language.value = 'fr';
    assert.equal(formatNumber(1234.56), `1${NNBSP}234,6`);
  });

  test('formatBytes: whole bytes, then KB/MB/GB with one decimal, in French units in French', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1,023 B');
    assert.equal(formatBytes(1024), '1 KB');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(300 * 1024 * 1024), '300 MB');
    language.value = 'fr';
    assert.equal(formatBytes(1536), '1,5 Ko');
    assert.equal(formatBytes(5 * 1024 ** 3), '5 Go');
  });

  test('formatBytes: GB is the largest unit, so a terabyte reads 1,024 GB', () => {
    assert.equal(formatBytes(1024 ** 4), '1,024 GB');
  });

  test('formatMinutes: seconds as minutes with at most one decimal', () => {
    assert.equal(formatMinutes(480), '8 min');
    assert.equal(formatMinutes(450), '7.5 min');
    language.value = 'fr';
    assert.equal(formatMinutes(450), '7,5 min');
  });
});
