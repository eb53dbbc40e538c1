import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { readZipFileSafely, readZipSafely } from '../../../src/platform/zip/zip-reader.js';
import { writeZip, writeZipFileAtomic, type ZipEntryInput } from '../../../src/platform/zip/zip-writer.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { assertZipError } from './assert-zip-error.js';
import { forgeZip } from './zip-forge.js';

const PACK: ZipEntryInput[] = [
  { name: 'transcript.md', data: Buffer.from('# Run 1\n\nGood evening everyone.\n'.repeat(50)), compress: true },
  { name: 'audio/run-1.webm', data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)), compress: false },
  { name: 'révision/été.md', data: Buffer.from('Résumé des retours — ça marche.\n', 'utf8'), compress: true },
  { name: 'review.json', data: Buffer.from(JSON.stringify({ pace: 'fast', notes: ['slow down'] })), compress: true },
  { name: 'empty.txt', data: Buffer.alloc(0), compress: true },
  { name: 'empty-stored.txt', data: Buffer.alloc(0), compress: false },
];

describe('zip round trip', () => {
  test('write then read returns the same names and bytes, stored and deflated, in order', () => {
    const read = readZipSafely(writeZip(PACK));
    assert.deepEqual(
      read.entries.map((entry) => entry.name),
      PACK.map((entry) => entry.name),
    );
    read.entries.forEach((entry, index) => assert.ok(entry.data.equals(PACK[index]!.data), entry.name));
  });

  test('the same entries always give the same bytes', () => {
    const first = writeZip(PACK);
    const second = writeZip(PACK.map((entry) => ({ ...entry, data: Buffer.from(entry.data) })));
    assert.ok(first.equals(second));
  });

  test('headers follow the standard: UTF-8 flag, 1980-01-01, store or deflate, a regular 0644 file', () => {
    const bytes = writeZip([
      { name: 'été.md', data: Buffer.from('x'.repeat(1000)), compress: true },
      { name: 'raw.bin', data: Buffer.from('raw'), compress: false },
    ]);
    assert.equal(bytes.readUInt32LE(0), 0x04034b50);
    assert.equal(bytes.readUInt16LE(6) & 0x0800, 0x0800, 'UTF-8 name flag');
    assert.equal(bytes.readUInt16LE(8), 8, 'deflate');
    assert.equal(bytes.readUInt16LE(10), 0, 'time 00:00:00');
    assert.equal(bytes.readUInt16LE(12), 0x21, 'date 1980-01-01');
    const nameLength = bytes.readUInt16LE(26);
    assert.equal(bytes.subarray(30, 30 + nameLength).toString('utf8'), 'été.md');
    const compressedSize = bytes.readUInt32LE(18);
    const data = bytes.subarray(30 + nameLength, 30 + nameLength + compressedSize);
    assert.equal(inflateRawSync(data).toString(), 'x'.repeat(1000));
    const end = bytes.length - 22;
    assert.equal(bytes.readUInt32LE(end), 0x06054b50);
    assert.equal(bytes.readUInt16LE(end + 10), 2);
    const directory = bytes.readUInt32LE(end + 16);
    assert.equal(bytes.readUInt32LE(directory), 0x02014b50);
    assert.equal(bytes.readUInt32LE(directory + 38) >>> 16, 0o100644);
    const secondLocal = bytes.readUInt32LE(directory + 46 + nameLength + 42);
    assert.equal(bytes.readUInt16LE(secondLocal + 8), 0, 'store');
  });

  test('an empty pack is a valid zip with no entries', () => {
    const bytes = writeZip([]);
    assert.equal(bytes.length, 22);
    assert.deepEqual(readZipSafely(bytes).entries, []);
  });

  test('folder entries of another writer are checked and skipped; data descriptors are understood', () => {
    const bytes = forgeZip([
      { name: 'audio/', method: 0, externalAttributes: (0o040755 << 16) >>> 0 },
      { name: 'audio/run.webm', data: Buffer.from('webm'), method: 0, dataDescriptor: true },
      { name: 'notes.md', data: Buffer.from('notes '.repeat(100)), dataDescriptor: true },
      { name: 'legacy.txt', data: Buffer.from('no UTF-8 flag, ASCII name'), flags: 0 },
    ]);
    const read = readZipSafely(bytes);
    assert.deepEqual(
      read.entries.map((entry) => [entry.name, entry.data.toString()]),
      [
        ['audio/run.webm', 'webm'],
        ['notes.md', 'notes '.repeat(100)],
        ['legacy.txt', 'no UTF-8 flag, ASCII name'],
      ],
    );
  });

  test('an archive comment is allowed, even one that contains an end-record signature', () => {
    const fake = Buffer.alloc(30);
    fake.writeUInt32LE(0x06054b50, 4);
    const bytes = forgeZip([{ name: 'a.txt', data: Buffer.from('a') }], { comment: fake });
    assert.equal(readZipSafely(bytes).entries[0]?.data.toString(), 'a');
  });

  test('writeZipFileAtomic writes a private file that readZipFileSafely reads back, leaving no temp file', () => {
    const dir = makeTempDir();
    const path = join(dir, 'pack.zip');
    writeZipFileAtomic(path, PACK);
    assert.ok(readFileSync(path).equals(writeZip(PACK)));
    if (process.platform !== 'win32') assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(dir), ['pack.zip']);
    assert.deepEqual(
      readZipFileSafely(path).entries.map((entry) => entry.name),
      PACK.map((entry) => entry.name),
    );
  });

  test('writeZipFileAtomic replaces an existing pack whole', () => {
    const path = join(makeTempDir(), 'pack.zip');
    writeZipFileAtomic(path, PACK);
    writeZipFileAtomic(path, [{ name: 'only.txt', data: Buffer.from('only'), compress: true }]);
    assert.deepEqual(
      readZipFileSafely(path).entries.map((entry) => entry.name),
      ['only.txt'],
    );
  });

  test('the writer refuses what the reader would refuse', () => {
    const one = (name: string): ZipEntryInput[] => [{ name, data: Buffer.from('x'), compress: false }];
    assertZipError(() => writeZip(one('../evil')), 'pack_invalid_path');
    assertZipError(() => writeZip(one('/etc/passwd')), 'pack_invalid_path');
    assertZipError(() => writeZip(one('a\\b')), 'pack_invalid_path');
    assertZipError(() => writeZip(one('folder/')), 'pack_invalid_path');
    assertZipError(() => writeZip(one('bad\uD800surrogate')), 'pack_invalid_path');
    assertZipError(() => writeZip([...one('a.txt'), ...one('A.txt')]), 'pack_duplicate_entry');
    assertZipError(() => writeZip([...one('a'), ...one('a/b')]), 'pack_duplicate_entry');
  });

  test('a failed atomic write leaves nothing behind', () => {
    const dir = makeTempDir();
    const unsafe = [{ name: '../x', data: Buffer.alloc(1), compress: false }];
    assertZipError(() => writeZipFileAtomic(join(dir, 'pack.zip'), unsafe), 'pack_invalid_path');
    assert.equal(existsSync(join(dir, 'pack.zip')), false);
    assert.deepEqual(readdirSync(dir), []);
  });
});
