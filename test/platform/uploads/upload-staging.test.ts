import assert from 'node:assert/strict';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { UploadStaging } from '../../../src/platform/uploads/upload-staging.js';
import { assertThrowsCode } from '../../support/errors.js';
import { makeTempDir } from '../../support/temp-dir.js';

test('staged uploads are private, reachable only by id, and abandoned ones are swept after a day', async () => {
  const dir = makeTempDir();
  const staging = new UploadStaging(dir);
  const fresh = staging.stage(Buffer.from('fresh'));
  const old = await staging.stageStream((async function* () {
    yield Buffer.from('old');
  })());
  assert.equal(statSync(join(dir, 'staging')).mode & 0o777, 0o700);
  assert.equal(statSync(join(dir, 'staging', fresh)).mode & 0o777, 0o600);
  assertThrowsCode(() => staging.read('../global.db'), 'upload_not_found');
  const twoDaysAgo = (Date.now() - 48 * 3600_000) / 1000;
  utimesSync(join(dir, 'staging', old), twoDaysAgo, twoDaysAgo);
  assert.equal(staging.sweepAbandoned(), 1);
  assert.deepEqual(readdirSync(join(dir, 'staging')), [fresh]);
  await assert.rejects(
    staging.stageStream((async function* () {
      yield Buffer.alloc(10);
      yield Buffer.alloc(10);
    })(), 15),
    { code: 'upload_too_large' },
  );
  assert.deepEqual(readdirSync(join(dir, 'staging')), [fresh], 'no partial file left');
});
