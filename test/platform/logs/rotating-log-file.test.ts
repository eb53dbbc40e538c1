import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { RotatingLogFile } from '../../../src/platform/logs/rotating-log-file.js';
import { makeTempDir } from '../../support/temp-dir.js';

function logAt(dir: string, options: { maxFileBytes: number; generations?: number; maxLineBytes?: number }) {
  const pathOf = (generation: number) => join(dir, generation === 0 ? 'app.log' : `app.log.${generation}`);
  return { file: new RotatingLogFile({ pathOf, ...options }), pathOf };
}

/** A JSON line of exactly 100 bytes (newline included) numbered n. */
function line(n: number): string {
  const head = JSON.stringify({ n, pad: '' });
  return `${JSON.stringify({ n, pad: 'x'.repeat(99 - head.length) })}\n`;
}

describe('RotatingLogFile', () => {
  test('rotates by size and keeps a bounded number of files, newest lines in the current file', () => {
    const dir = makeTempDir();
    const { file, pathOf } = logAt(dir, { maxFileBytes: 1000, generations: 3 });
    for (let n = 0; n < 100; n += 1) file.write(line(n));
    file.close();
    assert.deepEqual(readdirSync(dir).sort(), ['app.log', 'app.log.1', 'app.log.2']);
    const numbers = (generation: number) => readFileSync(pathOf(generation), 'utf8').trim().split('\n').map((text) => JSON.parse(text).n as number);
    assert.deepEqual(numbers(2), [70, 71, 72, 73, 74, 75, 76, 77, 78, 79]);
    assert.deepEqual(numbers(1), [80, 81, 82, 83, 84, 85, 86, 87, 88, 89]);
    assert.deepEqual(numbers(0), [90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
    for (const name of readdirSync(dir)) {
      assert.equal(statSync(join(dir, name)).size, 1000);
      assert.equal(statSync(join(dir, name)).mode & 0o777, 0o600, name);
    }
  });

  test('a new instance appends to the current file and counts what it already holds', () => {
    const dir = makeTempDir();
    const first = logAt(dir, { maxFileBytes: 1000 });
    for (let n = 0; n < 6; n += 1) first.file.write(line(n));
    first.file.close();
    const second = logAt(dir, { maxFileBytes: 1000 });
    for (let n = 6; n < 12; n += 1) second.file.write(line(n));
    second.file.close();
    assert.equal(statSync(second.pathOf(1)).size, 1000, 'lines 0-9 filled the first file');
    assert.equal(readFileSync(second.pathOf(0), 'utf8'), line(10) + line(11));
  });

  test('an over-long line is replaced by a notice that keeps its length, not its content', () => {
    const dir = makeTempDir();
    const { file, pathOf } = logAt(dir, { maxFileBytes: 10_000, maxLineBytes: 300 });
    const long = `${JSON.stringify({ msg: 'request', route: `/${'SECRET-'.repeat(100)}` })}\n`; // 730 bytes
    file.write(long);
    file.write(line(1));
    file.close();
    const [notice, next] = readFileSync(pathOf(0), 'utf8').trim().split('\n').map((text) => JSON.parse(text));
    assert.deepEqual({ ...notice, time: undefined }, { level: 40, time: undefined, msg: 'log line dropped: too long', bytes: 730 });
    assert.equal(next.n, 1);
    assert.equal(readFileSync(pathOf(0), 'utf8').includes('SECRET'), false);
  });
});
