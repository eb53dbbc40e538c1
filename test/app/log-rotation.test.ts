import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createAppLogger } from '../../src/app/logging/app-logger.js';
import { startServer } from '../../src/app/server/server.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { http } from '../support/http.js';
import { makeTempDir } from '../support/temp-dir.js';

test('a flood of hostile requests rotates the log: a bounded number of files, each under its cap', { timeout: 120_000 }, async () => {
  const dataDir = makeTempDir();
  const store = DataStore.open(dataDir);
  const running = await startServer({ store, log: createAppLogger(dataDir, { maxFileBytes: 16 * 1024, generations: 3 }) });
  after(async () => {
    await running.close();
    store.close();
  });
  const longPath = `/${'flood/'.repeat(2500)}`;
  for (let batch = 0; batch < 60; batch += 1) {
    await Promise.all(Array.from({ length: 10 }, () => http(running.port, { path: longPath, headers: { host: `evil.example:${running.port}` } })));
  }
  const logs = join(dataDir, 'logs');
  assert.deepEqual(readdirSync(logs).sort(), ['lectern.log', 'lectern.log.1', 'lectern.log.2']);
  for (const name of readdirSync(logs)) assert.ok(statSync(join(logs, name)).size <= 16 * 1024, `${name}: ${statSync(join(logs, name)).size} bytes`);
});
