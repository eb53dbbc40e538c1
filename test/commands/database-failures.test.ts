import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { CommandRegistry } from '../../src/commands/registry.js';
import { adHocCommand } from '../support/ad-hoc-command.js';
import { DataLayout } from '../../src/platform/db/layout.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { startWriteHolder } from '../support/database-holders.js';
import { assertThrowsCode } from '../support/errors.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { stopProcess } from '../support/lock-holder.js';
import { makeTempDir } from '../support/temp-dir.js';

const isRoot = process.getuid?.() === 0;

/** A data folder on its own small file system, so that "the disk is full" is real. */
function dataDirOnSmallDisk(t: { after: (fn: () => void) => void }, size: string): string {
  const mountPoint = makeTempDir();
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', mountPoint]);
  t.after(() => execFileSync('umount', ['-l', mountPoint]));
  return join(mountPoint, 'data');
}

/** Takes every free byte of the file system that holds `dir`. */
function fillDisk(dir: string): void {
  const { bavail, bsize } = statfsSync(dir);
  try {
    writeFileSync(join(dir, 'filler'), Buffer.alloc(Number(bavail) * Number(bsize)));
  } catch {
    // ENOSPC on the last block: the disk is full, which is the point.
  }
}

describe('SQLite failures after the open reach every client with their own code', () => {
  test('a writer holding the write lock past the busy timeout: db_busy, and nothing was written', async () => {
    const store = DataStore.open(makeTempDir());
    try {
      const { profile } = await invokeOk(store, 'profile_create', { name: 'Ada' });
      const holder = await startWriteHolder(new DataLayout(store.layout.root).profileDb(profile.id));
      try {
        assert.equal(await invokeErrorCode(store, 'project_create', { profileId: profile.id, project: { title: 'Blocked' } }), 'db_busy');
      } finally {
        await stopProcess(holder);
      }
      const { projects } = await invokeOk(store, 'project_list', { profileId: profile.id });
      assert.deepEqual(projects, []);
    } finally {
      store.close();
    }
  });

  test('the disk filling up during a session: db_disk_full', { skip: !isRoot && 'mounting a small tmpfs needs root' }, async (t) => {
    const dir = dataDirOnSmallDisk(t, '4m');
    const store = DataStore.open(dir);
    try {
      const { profile } = await invokeOk(store, 'profile_create', { name: 'Ada' });
      fillDisk(dir);
      const code = await invokeErrorCode(store, 'project_create', { profileId: profile.id, project: { title: 'No room', goal: 'g'.repeat(1000) } });
      assert.equal(code, 'db_disk_full');
    } finally {
      store.close();
    }
  });

  test('a full disk at the start (first run, or reopening): db_disk_full, never db_io_error or internal_error', { skip: !isRoot && 'mounting a small tmpfs needs root' }, async (t) => {
    const firstRun = dataDirOnSmallDisk(t, '1m');
    fillDisk(join(firstRun, '..'));
    assertThrowsCode(() => DataStore.open(firstRun).global(), 'db_disk_full');

    const reopened = dataDirOnSmallDisk(t, '4m');
    const store = DataStore.open(reopened);
    await invokeOk(store, 'profile_create', { name: 'Ada' });
    store.close();
    fillDisk(reopened);
    assertThrowsCode(() => DataStore.open(reopened).global(), 'db_disk_full');
  });

  test('an I/O error or corruption met mid-session is db_io_error / db_corrupt, and a corrupt one is checked in full at the next start', async () => {
    const dir = makeTempDir();
    mkdirSync(dir, { recursive: true });
    const store = DataStore.open(dir);
    store.global();
    const failing = (name: string, code: string) =>
      adHocCommand({
        name,
        payload: z.object({}).strict(),
        result: z.null(),
        handler: () => {
          throw new Database.SqliteError('the message is never shown', code);
        },
      });
    const registry = new CommandRegistry([failing('reads_a_bad_disk', 'SQLITE_IOERR_READ'), failing('meets_a_damaged_page', 'SQLITE_CORRUPT_INDEX')]);
    const io = await registry.invoke({ store }, 'reads_a_bad_disk', {});
    assert.equal(io.ok ? null : io.error.code, 'db_io_error');
    const corrupt = await registry.invoke({ store }, 'meets_a_damaged_page', {});
    assert.equal(corrupt.ok ? null : corrupt.error.code, 'db_corrupt');
    store.close();
    assert.equal(existsSync(`${store.layout.globalDb}.clean-shutdown`), false, 'no clean-shutdown marker: the next open runs integrity_check');
  });
});
