import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readLogTail } from '../../../src/platform/logs/log-tail.js';
import { makeTempDir } from '../../support/temp-dir.js';

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `line ${from + i}`);

describe('readLogTail', () => {
  test('the newest lines, oldest first, taken from the previous file when the current one has too few', () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'log.1'), `${lines(0, 50).join('\n')}\n`);
    writeFileSync(join(dir, 'log'), `${lines(50, 60).join('\n')}\n`);
    assert.deepEqual(readLogTail([join(dir, 'log'), join(dir, 'log.1')], 25), lines(35, 60));
    assert.deepEqual(readLogTail([join(dir, 'log'), join(dir, 'log.1')], 5), lines(55, 60));
    assert.deepEqual(readLogTail([join(dir, 'missing'), join(dir, 'log.1')], 5), []);
  });

  test('reads at most maxBytes from the end, dropping the partial line it starts in', () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'log.1'), 'older\n');
    writeFileSync(join(dir, 'log'), `${lines(0, 100).join('\n')}\n`);
    // "line 95\n" .. "line 99\n" are 40 bytes; 43 bytes start 3 bytes into "line 94\n".
    assert.deepEqual(readLogTail([join(dir, 'log'), join(dir, 'log.1')], 300, 43), lines(95, 100));
  });
});
