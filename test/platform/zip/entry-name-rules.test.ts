import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertNoEntryNamesCollide } from '../../../src/platform/zip/entry-name-collisions.js';
import { entryNameKey, isFolderEntryName, problemWithEntryName } from '../../../src/platform/zip/entry-name-rules.js';
import { DEFAULT_ZIP_LIMITS, describeByteCount, resolveZipLimits } from '../../../src/platform/zip/zip-limits.js';
import { crc32 } from '../../../src/platform/zip/crc32.js';
import { assertZipError } from './assert-zip-error.js';

describe('entry name rules', () => {
  test('each unsafe shape gets its own reason', () => {
    assert.match(problemWithEntryName('') ?? '', /empty/);
    assert.match(problemWithEntryName('/x') ?? '', /absolute/);
    assert.match(problemWithEntryName('C:x') ?? '', /colon/);
    assert.match(problemWithEntryName('a\\b') ?? '', /backslash/);
    assert.match(problemWithEntryName('a\u0000b') ?? '', /control/);
    assert.match(problemWithEntryName('a/../b') ?? '', /segment/);
    assert.match(problemWithEntryName('a//b') ?? '', /empty segment/);
    assert.match(problemWithEntryName('é'.repeat(128)) ?? '', /255 bytes/);
  });

  test('plain relative names and folder names are fine', () => {
    for (const name of ['a', 'a/b/c.md', 'audio/', 'révision/été.md', '.hidden', 'a..b', '...']) {
      assert.equal(problemWithEntryName(name), undefined, name);
    }
    assert.equal(isFolderEntryName('audio/'), true);
    assert.equal(isFolderEntryName('audio'), false);
  });

  test('the collision key ignores case and Unicode form', () => {
    assert.equal(entryNameKey('ÉTÉ.md'), entryNameKey('été.md'.normalize('NFD')));
    assert.equal(entryNameKey('Straße'), entryNameKey('STRASSE'));
    assert.notEqual(entryNameKey('a.md'), entryNameKey('b.md'));
  });

  test('collisions: same key, or a file that is also a folder', () => {
    assertNoEntryNamesCollide(['a/b.md', 'a/c.md', 'a/', 'b.md']);
    assertZipError(() => assertNoEntryNamesCollide(['x.md', 'X.MD']), 'pack_duplicate_entry');
    assertZipError(() => assertNoEntryNamesCollide(['a/b/c.md', 'A/B']), 'pack_duplicate_entry');
  });
});

describe('limits and checksums', () => {
  test('defaults are 64 entries, 64 MiB per entry, 256 MiB in total, 300 MiB of archive', () => {
    assert.deepEqual(resolveZipLimits(), {
      maxEntries: 64,
      maxEntryBytes: 64 * 1024 * 1024,
      maxTotalBytes: 256 * 1024 * 1024,
      maxArchiveBytes: 300 * 1024 * 1024,
    });
    assert.deepEqual(resolveZipLimits({ maxEntries: 3, maxTotalBytes: undefined }), { ...DEFAULT_ZIP_LIMITS, maxEntries: 3 });
  });

  test('byte counts read like a person writes them', () => {
    assert.equal(describeByteCount(64 * 1024 * 1024), '64 MiB');
    assert.equal(describeByteCount(512 * 1024), '512 KiB');
    assert.equal(describeByteCount(1000), '1000 bytes');
  });

  test('crc32 is the zip CRC-32', () => {
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
    assert.equal(crc32(Buffer.alloc(0)), 0);
  });
});
