import assert from 'node:assert/strict';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { LECTERN_APPLICATION_ID } from '../../../src/platform/db/application-id.js';
import { applyConnectionPosture } from '../../../src/platform/db/connection-posture.js';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { migrationStepsFor } from '../../../src/platform/db/migration-steps.js';
import { GLOBAL_SCOPE } from '../../../src/platform/db/scope.js';
import { assertThrowsCode } from '../../support/errors.js';
import { fileBytes } from '../../support/file-tree.js';
import { makeTempDir } from '../../support/temp-dir.js';

function readPosture(db: Database.Database) {
  return {
    journalMode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreignKeys: db.pragma('foreign_keys', { simple: true }),
    busyTimeout: Number(db.pragma('busy_timeout', { simple: true })),
  };
}

describe('connection posture', () => {
  const store = DataStore.open(makeTempDir());
  after(() => store.close());

  test('the owned connection of a file database runs WAL, synchronous NORMAL, foreign keys ON, busy timeout >= 2 s', () => {
    const posture = readPosture(store.global());
    assert.deepEqual({ ...posture, busyTimeout: posture.busyTimeout >= 2000 }, {
      journalMode: 'wal',
      synchronous: 1,
      foreignKeys: 1,
      busyTimeout: true,
    });
  });

  test('the database and its WAL companions are 0600 and the folders 0700, whatever the umask', () => {
    const path = store.layout.globalDb;
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      assert.equal(statSync(file).mode & 0o777, 0o600, file);
    }
    for (const dir of [store.layout.root, store.layout.backupsDir(GLOBAL_SCOPE), store.layout.corruptedDir(GLOBAL_SCOPE)]) {
      assert.equal(statSync(dir).mode & 0o777, 0o700, dir);
    }
  });

  test('a new database carries Lectern application_id and its schema version in user_version', () => {
    const db = store.global();
    assert.equal(db.pragma('application_id', { simple: true }), LECTERN_APPLICATION_ID);
    assert.equal(db.pragma('user_version', { simple: true }), migrationStepsFor(GLOBAL_SCOPE).length);
  });

  test('one long-lived connection per database: asking twice gives the same connection', () => {
    assert.equal(store.global(), store.global());
  });

  test('a setting SQLite does not honour fails with db_pragma_unexpected naming the pragma', () => {
    const memory = new Database(':memory:'); // in-memory databases cannot use WAL
    const error = assertThrowsCode(() => applyConnectionPosture(memory), 'db_pragma_unexpected');
    assert.match(error.message, /journal_mode/);
    memory.close();
  });
});

describe('files that are not ours', () => {
  test('a SQLite file of another application is refused with db_foreign_file and never modified', () => {
    const dir = makeTempDir();
    const foreign = new Database(join(dir, 'global.db'));
    foreign.pragma('application_id = 1234');
    foreign.exec(`CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone else''s data');`);
    foreign.close();
    const before = fileBytes(join(dir, 'global.db'));
    const store = DataStore.open(dir);
    try {
      assertThrowsCode(() => store.global(), 'db_foreign_file');
    } finally {
      store.close();
    }
    assert.ok(fileBytes(join(dir, 'global.db')).equals(before));
  });

  test('a file that is not a database at all is corruption: quarantined, and with no snapshot the open fails with db_recovery_no_snapshot', () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'global.db'), 'this is a text file, not SQLite '.repeat(200));
    const store = DataStore.open(dir);
    try {
      assertThrowsCode(() => store.global(), 'db_recovery_no_snapshot');
    } finally {
      store.close();
    }
    assert.equal(readdirSync(join(dir, 'corrupted')).filter((name) => name.endsWith('.db')).length, 1);
  });
});
