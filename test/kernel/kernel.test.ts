import type { ErrorCode } from '../../src/contracts/error-codes.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError, toErrorPayload } from '../../src/kernel/errors.js';
import { ID_PREFIXES, isId, newId } from '../../src/kernel/ids.js';
import { isUtcTimestamp, nowUtc, parseFileTimestamp, toFileTimestamp, toUtcTimestamp } from '../../src/kernel/time.js';

describe('ids', () => {
  test('every prefix mints <prefix>_<32 lowercase hex>, and ids do not repeat', () => {
    for (const prefix of ID_PREFIXES) {
      const id = newId(prefix);
      assert.match(id, new RegExp(`^${prefix}_[0-9a-f]{32}$`));
      assert.ok(isId(prefix, id));
      assert.equal(isId(prefix, id.toUpperCase()), false);
    }
    assert.equal(new Set(Array.from({ length: 1000 }, () => newId('run'))).size, 1000);
  });
});

describe('time', () => {
  test('one UTC format with milliseconds and Z, fixed width so text order is time order', () => {
    assert.match(nowUtc(), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(toUtcTimestamp(new Date(Date.UTC(2026, 10, 21, 9, 5, 0, 7))), '2026-11-21T09:05:00.007Z');
    assert.ok(isUtcTimestamp('2026-11-21T09:05:00.123Z'));
    assert.equal(isUtcTimestamp('2026-11-21T09:05:00+00:00'), false);
  });

  test('file-name timestamps round-trip and refuse anything else', () => {
    const date = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    assert.equal(toFileTimestamp(date), '20260102T030405678Z');
    assert.equal(parseFileTimestamp('20260102T030405678Z')?.getTime(), date.getTime());
    assert.equal(parseFileTimestamp('2026-01-02'), null);
  });
});

describe('errors', () => {
  test('codes must be snake_case', () => {
    assert.throws(() => new AppError('NotSnake' as ErrorCode, 'x'), /snake_case/);
    assert.equal(new AppError('db_busy', 'Busy.').code, 'db_busy');
  });

  test('clients see an AppError as it is and anything else as internal_error, without its message', () => {
    assert.deepEqual(toErrorPayload(new AppError('db_busy', 'Busy.')), { code: 'db_busy', message: 'Busy.' });
    const leaked = toErrorPayload(new Error('SQLITE_ERROR near "SELEC" at /home/ada/.local/share/lectern/global.db'));
    assert.equal(leaked.code, 'internal_error');
    assert.equal(leaked.message.includes('/home'), false);
    assert.equal(leaked.message.includes('SELEC'), false);
  });
});
