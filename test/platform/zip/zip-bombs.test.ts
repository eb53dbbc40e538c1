import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readZipFileSafely, readZipSafely } from '../../../src/platform/zip/zip-reader.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { assertZipError } from './assert-zip-error.js';
import { deflated, forgeZip, MIB } from './zip-forge.js';

// Deflating zeros is what makes a bomb: ~1000:1, so 100 MiB fits in about 100 KiB.
const HUNDRED_MIB_OF_ZEROS = Buffer.alloc(100 * MIB);
const SIXTY_MIB_OF_ZEROS = Buffer.alloc(60 * MIB);
const SIXTY_MIB_DEFLATED = deflated(SIXTY_MIB_OF_ZEROS);

describe('zip bombs', () => {
  test('a ratio bomb (100 MiB of zeros in a few hundred KiB) is refused with pack_entry_too_large', () => {
    const bomb = forgeZip([{ name: 'bomb.bin', data: HUNDRED_MIB_OF_ZEROS }]);
    assert.ok(bomb.length < 512 * 1024, `the bomb is small: ${bomb.length} bytes`);
    assertZipError(() => readZipSafely(bomb), 'pack_entry_too_large');
  });

  test('a ratio bomb that declares a tiny size is stopped by counting real bytes, not by its header', () => {
    const bomb = forgeZip([{ name: 'bomb.bin', data: HUNDRED_MIB_OF_ZEROS, uncompressedSize: 1024 }]);
    assertZipError(() => readZipSafely(bomb), 'pack_entry_too_large');
  });

  test('a lying bomb is stopped at the allowance: with a 1 MiB limit it never unpacks 100 MiB', () => {
    const bomb = forgeZip([{ name: 'bomb.bin', data: HUNDRED_MIB_OF_ZEROS, uncompressedSize: 10 }]);
    const limits = { maxEntryBytes: MIB, maxTotalBytes: 2 * MIB };
    assertZipError(() => readZipSafely(bomb, limits), 'pack_entry_too_large');
  });

  test('a total bomb (5 entries of 60 MiB of zeros) is refused with pack_too_large', () => {
    const entries = [1, 2, 3, 4, 5].map((n) => ({
      name: `part-${n}.bin`,
      data: SIXTY_MIB_OF_ZEROS,
      storedBytes: SIXTY_MIB_DEFLATED,
    }));
    assertZipError(() => readZipSafely(forgeZip(entries)), 'pack_too_large');
  });

  test('the running total counts real bytes: a last entry that lies about its size still hits pack_too_large', () => {
    const threeMib = Buffer.alloc(3 * MIB);
    const entries = [1, 2, 3, 4].map((n) => ({ name: `part-${n}.bin`, data: threeMib }));
    // Declared total 12 MiB + 1 byte fits a 13 MiB limit; the real total is 15 MiB.
    entries.push({ name: 'liar.bin', data: threeMib, uncompressedSize: 1 } as (typeof entries)[number]);
    const limits = { maxEntryBytes: 4 * MIB, maxTotalBytes: 13 * MIB };
    assertZipError(() => readZipSafely(forgeZip(entries), limits), 'pack_too_large');
  });

  test('an entry of exactly the limit is accepted; one byte more is not', () => {
    const limits = { maxEntryBytes: 1000, maxTotalBytes: 2000 };
    const exact = readZipSafely(forgeZip([{ name: 'a.bin', data: Buffer.alloc(1000, 7) }]), limits);
    assert.equal(exact.entries[0]?.data.length, 1000);
    const oneByteOver = { name: 'a.bin', data: Buffer.alloc(1001, 7) };
    assertZipError(() => readZipSafely(forgeZip([oneByteOver]), limits), 'pack_entry_too_large');
    assertZipError(() => readZipSafely(forgeZip([{ ...oneByteOver, method: 0 }]), limits), 'pack_entry_too_large');
    const claimingTheLimit = forgeZip([{ ...oneByteOver, uncompressedSize: 1000 }]);
    assertZipError(() => readZipSafely(claimingTheLimit, limits), 'pack_entry_too_large');
  });

  test('overlapping entries (a header hidden inside another entry\'s data) are refused with pack_zip_invalid', () => {
    // The inner entry is complete and consistent on its own; only its position gives it away. Overlap bombs
    // repeat this so one deflate stream is unpacked by thousands of entries.
    const inner = forgeZip([{ name: 'inner.bin', data: Buffer.alloc(MIB) }]);
    const innerLocalEntry = inner.subarray(0, inner.readUInt32LE(inner.length - 6));
    const outerName = 'outer.bin';
    const entries = [
      { name: outerName, data: innerLocalEntry, method: 0 },
      { name: 'inner.bin', data: Buffer.alloc(MIB), localHeaderOffset: 30 + outerName.length },
    ];
    const error = assertZipError(() => readZipSafely(forgeZip(entries)), 'pack_zip_invalid');
    assert.match(error.message, /overlap/);
  });

  test('two directory entries pointing at one local header are refused', () => {
    const entries = [
      { name: 'a.bin', data: Buffer.alloc(MIB) },
      { name: 'a.bin', data: Buffer.alloc(MIB), localHeaderOf: 0 },
    ];
    // Caught as a duplicate first; with distinct names the local header check refuses it.
    assertZipError(() => readZipSafely(forgeZip(entries)), 'pack_duplicate_entry');
    entries[1] = { name: 'b.bin', data: Buffer.alloc(MIB), localHeaderOf: 0 };
    assertZipError(() => readZipSafely(forgeZip(entries)), 'pack_zip_invalid');
  });
});

describe('entry count and archive size', () => {
  test('10,000 entries are refused with pack_too_many_entries, from the directory count alone', () => {
    const entries = Array.from({ length: 10_000 }, (_, n) => ({ name: `f${n}.txt`, data: Buffer.alloc(0), method: 0 }));
    assertZipError(() => readZipSafely(forgeZip(entries)), 'pack_too_many_entries');
  });

  test('the count is checked before the directory is parsed: a huge count over garbage is still too many', () => {
    const bytes = forgeZip([{ name: 'a.txt', data: Buffer.from('a') }], { entryCount: 60_000 });
    assertZipError(() => readZipSafely(bytes), 'pack_too_many_entries');
  });

  test('64 entries are accepted by default and 65 are not; the limit can be lowered', () => {
    const make = (count: number) => forgeZip(Array.from({ length: count }, (_, n) => ({ name: `f${n}.txt`, data: Buffer.from(String(n)) })));
    assert.equal(readZipSafely(make(64)).entries.length, 64);
    assertZipError(() => readZipSafely(make(65)), 'pack_too_many_entries');
    assertZipError(() => readZipSafely(make(3), { maxEntries: 2 }), 'pack_too_many_entries');
  });

  test('folder entries count toward maxEntries', () => {
    const bytes = forgeZip([{ name: 'a/', method: 0 }, { name: 'b/', method: 0 }, { name: 'a/x.txt', data: Buffer.from('x') }]);
    assertZipError(() => readZipSafely(bytes, { maxEntries: 2 }), 'pack_too_many_entries');
  });

  test('an archive larger than maxArchiveBytes is refused with pack_too_large before parsing', () => {
    const garbage = Buffer.alloc(2048, 0x41);
    assertZipError(() => readZipSafely(garbage, { maxArchiveBytes: 1024 }), 'pack_too_large');
  });

  test('readZipFileSafely refuses a file over maxArchiveBytes by its size, and never names the path', () => {
    const path = join(makeTempDir(), 'secret-name.zip');
    writeFileSync(path, Buffer.alloc(4096));
    const error = assertZipError(() => readZipFileSafely(path, { maxArchiveBytes: 4095 }), 'pack_too_large');
    assert.doesNotMatch(error.message, /secret-name/);
  });

  test('readZipFileSafely applies every other check too', () => {
    const path = join(makeTempDir(), 'pack.zip');
    writeFileSync(path, forgeZip([{ name: '../evil', data: Buffer.from('x') }]));
    assertZipError(() => readZipFileSafely(path), 'pack_invalid_path');
  });

  test('readZipFileSafely refuses a folder as a pack', () => {
    assertZipError(() => readZipFileSafely(makeTempDir()), 'pack_zip_invalid');
  });

  test('limits that are not whole numbers are a programming error', () => {
    assert.throws(() => readZipSafely(Buffer.alloc(0), { maxEntries: -1 }), RangeError);
    assert.throws(() => readZipSafely(Buffer.alloc(0), { maxTotalBytes: 1.5 }), RangeError);
    assert.throws(() => readZipSafely(Buffer.alloc(0), { maxEntryBytes: Number.MAX_SAFE_INTEGER }), RangeError);
  });
});
