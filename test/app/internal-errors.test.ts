import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { postBytes, smallSpeechWav, startAppWithProfile } from '../support/app-with-profile.js';
import { logLines } from '../support/app-log.js';
import { readZipSafely } from '../../src/platform/zip/zip-reader.js';
import { REPO_ROOT, runCli } from '../support/cli.js';
import { makeTempDir } from '../support/temp-dir.js';

/**
 * An unexpected failure in the real `lectern start`: the client sees only `internal_error`; the log keeps its error class
 * and code location (never a message, a path or content), so the support bundle lets someone diagnose it.
 */

const TIMEOUT = { timeout: 120_000 };

describe('internal errors', () => {
  test('an internal_error is logged with its error class and code location, never a path, and reaches the support bundle', TIMEOUT, async () => {
    const { app, dataDir, profileId } = await startAppWithProfile();
    // A file where the recordings' folder should be: creating the folder fails with a plain (non-AppError) error.
    mkdirSync(join(dataDir, 'profiles', profileId, 'artifacts'), { recursive: true });
    writeFileSync(join(dataDir, 'profiles', profileId, 'artifacts', 'audio'), 'not a folder');
    const answer = await postBytes(app, `/api/upload/audio?profileId=${profileId}`, smallSpeechWav());
    assert.deepEqual([answer.status, JSON.parse(answer.body).error.code], [500, 'internal_error']);
    assert.equal(answer.body.includes(dataDir), false);
    assert.equal(await app.stop(), 0);
    const source = readFileSync(join(REPO_ROOT, 'src/platform/fs/private-permissions.ts'), 'utf8').split('\n');
    const mkdirLine = source.findIndex((line) => line.includes('mkdirSync(path')) + 1;
    const causes = logLines(dataDir).filter((line) => line.msg === 'internal error');
    assert.equal(causes.length, 1, JSON.stringify(logLines(dataDir)));
    assert.deepEqual(
      { route: causes[0]!.route, errorClass: causes[0]!.errorClass, errno: causes[0]!.errno, location: causes[0]!.location },
      { route: '/api/upload/audio', errorClass: 'Error', errno: 'EEXIST', location: `src/platform/fs/private-permissions.ts:${mkdirLine}:3` },
    );
    const log = readFileSync(join(dataDir, 'logs', 'lectern.log'), 'utf8');
    assert.equal(log.includes(dataDir), false, 'no path of the user in the log');
    assert.equal(statSync(join(dataDir, 'logs', 'lectern.log')).mode & 0o777, 0o600);
    const out = join(makeTempDir(), 'bundle.zip');
    assert.equal(runCli(['support-bundle', '--out', out, '--data-dir', dataDir]).status, 0);
    const tail = readZipSafely(readFileSync(out)).entries.find((entry) => entry.name === 'log-tail.txt')!.data.toString('utf8');
    const bundled = tail.split('\n').filter(Boolean).map((text) => JSON.parse(text)).find((line) => line.msg === 'internal error');
    assert.deepEqual([bundled.route, bundled.errno, bundled.location], ['/api/upload/audio', 'EEXIST', `src/platform/fs/private-permissions.ts:${mkdirLine}:3`]);
  });
});
