import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createProfile } from '../../../src/core/workspace/index.js';
import { ArtifactStore } from '../../../src/platform/artifacts/artifact-store.js';
import { DataStore } from '../../../src/platform/db/data-store.js';
import { assertThrowsCode } from '../../support/errors.js';
import { makeTempDir } from '../../support/temp-dir.js';

function setup() {
  const dir = makeTempDir();
  const store = DataStore.open(dir);
  after(() => store.close());
  const profile = createProfile(store, 'Ada');
  const profileDir = store.layout.profileDir(profile.id);
  const artifacts = new ArtifactStore(store.profile(profile.id), profileDir);
  return { store, profileId: profile.id, profileDir, artifacts, db: store.profile(profile.id) };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
}

describe('artifact store', () => {
  test('a committed write leaves the file (0600, right sha256 and size) and its row', () => {
    const { artifacts, profileDir } = setup();
    const id = artifacts.commitWith([{ type: 'transcript', extension: 'json', data: Buffer.from('{"a":1}'), metadata: { source: 'test' } }], ([staged]) => staged!.id);
    const { row, data } = artifacts.read(id);
    assert.equal(data.toString(), '{"a":1}');
    assert.equal(row.bytes, 7);
    assert.equal(row.sha256, '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
    assert.equal(row.relPath, `artifacts/transcript/${id}.json`);
    assert.deepEqual(row.metadata, { source: 'test' });
    assert.deepEqual(filesUnder(join(profileDir, 'artifacts')), [`${id}.json`]);
    assert.equal(statSync(join(profileDir, row.relPath)).mode & 0o777, 0o600, 'stored files are private');
    assert.equal(statSync(join(profileDir, 'artifacts', 'transcript')).mode & 0o777, 0o700);
  });

  test('when the linking transaction fails, no row and no file remain (compensation)', () => {
    const { artifacts, profileDir, db } = setup();
    assert.throws(
      () =>
        artifacts.commitWith(
          [
            { type: 'audio', extension: 'wav', data: Buffer.alloc(100) },
            { type: 'transcript', extension: 'json', data: Buffer.from('{}') },
          ],
          () => {
            throw new Error('injected failure after the rows were inserted');
          },
        ),
      /injected/,
    );
    assert.equal(db.prepare('SELECT count(*) FROM artifacts').pluck().get(), 0);
    assert.deepEqual(filesUnder(join(profileDir, 'artifacts')), []);
  });

  test('reads refuse rows that point outside the profile folder, through ".." or a symlink', () => {
    const { artifacts, db, profileDir } = setup();
    const insert = db.prepare(
      `INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at) VALUES (?, 'audio', ?, ?, 0, '2026-01-01T00:00:00.000Z')`,
    );
    insert.run(`art_${'1'.repeat(32)}`, 'artifacts/../../../../etc/passwd', 'a'.repeat(64));
    assertThrowsCode(() => artifacts.read(`art_${'1'.repeat(32)}`), 'artifact_path_not_allowed');
    const outside = join(makeTempDir(), 'secret.txt');
    writeFileSync(outside, 'not yours');
    mkdirSync(join(profileDir, 'artifacts', 'audio'), { recursive: true });
    symlinkSync(outside, join(profileDir, 'artifacts', 'audio', 'link.wav'));
    insert.run(`art_${'2'.repeat(32)}`, 'artifacts/audio/link.wav', 'b'.repeat(64));
    assertThrowsCode(() => artifacts.read(`art_${'2'.repeat(32)}`), 'artifact_path_not_allowed');
    assertThrowsCode(() => artifacts.read(`art_${'3'.repeat(32)}`), 'artifact_not_found');
  });

  test('the sweep sets aside files without rows older than an hour, keeps young and referenced ones, and a returning row gets its file back', () => {
    const { artifacts, profileDir, db } = setup();
    const kept = artifacts.commitWith([{ type: 'audio', extension: 'wav', data: Buffer.alloc(10) }], ([s]) => s!.id);
    const folder = join(profileDir, 'artifacts', 'audio');
    writeFileSync(join(folder, 'old-orphan.wav'), 'x');
    writeFileSync(join(folder, 'young-orphan.wav'), 'x');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(join(folder, 'old-orphan.wav'), twoHoursAgo, twoHoursAgo);
    utimesSync(join(folder, `${kept}.wav`), twoHoursAgo, twoHoursAgo);
    assert.equal(artifacts.sweepOrphans(), 1);
    assert.deepEqual(filesUnder(folder), [`${kept}.wav`, 'young-orphan.wav'].sort());
    assert.deepEqual(filesUnder(join(profileDir, 'corrupted', 'orphan-files')), ['old-orphan.wav'], 'set aside, never deleted');
    // A row that comes back (a newer snapshot restored) finds its file again on the next read.
    const row = artifacts.get(kept);
    db.prepare('DELETE FROM artifacts WHERE id = ?').run(kept);
    assert.equal(artifacts.sweepOrphans(), 1);
    db.prepare(`INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at, metadata_json) VALUES (?, ?, ?, ?, ?, ?, '{}')`).run(row.id, row.type, row.relPath, row.sha256, row.bytes, row.createdAt);
    assert.equal(artifacts.countMissingFiles(), 0);
    assert.equal(artifacts.read(kept).data.length, 10);
    assert.ok(filesUnder(folder).includes(`${kept}.wav`));
  });

  test('rows whose file is missing are counted', () => {
    const { artifacts, profileDir } = setup();
    const id = artifacts.commitWith([{ type: 'audio', extension: 'wav', data: Buffer.alloc(10) }], ([s]) => s!.id);
    assert.equal(artifacts.countMissingFiles(), 0);
    rmSync(join(profileDir, 'artifacts', 'audio', `${id}.wav`));
    assert.equal(artifacts.countMissingFiles(), 1);
    assertThrowsCode(() => artifacts.read(id), 'artifact_file_missing');
  });
});
