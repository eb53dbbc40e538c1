import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { readZipSafely } from '../../../src/platform/zip/zip-reader.js';
import { writeZip } from '../../../src/platform/zip/zip-writer.js';
import { assertZipError } from './assert-zip-error.js';
import { forgeZip, type ForgedEntry } from './zip-forge.js';

const TEXT = Buffer.from('The opening needs a story, not a statistic.\n'.repeat(20));

function refuses(entry: Partial<ForgedEntry>, reason?: RegExp): void {
  const bytes = forgeZip([{ name: 'first.md', data: Buffer.from('ok') }, { name: 'notes.md', data: TEXT, ...entry }]);
  const error = assertZipError(() => readZipSafely(bytes), 'pack_zip_invalid');
  if (reason !== undefined) assert.match(error.message, reason);
}

describe('malformed archives', () => {
  test('garbage bytes, an empty buffer and a lone signature are not zips', () => {
    assertZipError(() => readZipSafely(randomBytes(4096)), 'pack_zip_invalid');
    assertZipError(() => readZipSafely(Buffer.alloc(0)), 'pack_zip_invalid');
    assertZipError(() => readZipSafely(Buffer.from('PK\u0005\u0006')), 'pack_zip_invalid');
    assertZipError(() => readZipSafely(Buffer.from('not a zip at all, just some text that goes on for a while')), 'pack_zip_invalid');
  });

  test('a truncated archive is refused, wherever it was cut', () => {
    const whole = writeZip([
      { name: 'a.md', data: TEXT, compress: true },
      { name: 'b.md', data: TEXT, compress: false },
    ]);
    for (const length of [whole.length - 1, whole.length - 22, whole.length - 40, Math.floor(whole.length / 2), 30, 10]) {
      assertZipError(() => readZipSafely(whole.subarray(0, length)), 'pack_zip_invalid');
    }
  });

  test('an archive with bytes cut from the middle (end record intact) is refused', () => {
    const whole = writeZip([{ name: 'a.md', data: TEXT, compress: true }]);
    const cut = Buffer.concat([whole.subarray(0, 40), whole.subarray(60)]);
    assertZipError(() => readZipSafely(cut), 'pack_zip_invalid');
  });

  test('junk appended after the end record is refused', () => {
    const whole = writeZip([{ name: 'a.md', data: TEXT, compress: true }]);
    assertZipError(() => readZipSafely(Buffer.concat([whole, Buffer.from('junk')])), 'pack_zip_invalid');
  });

  test('an encrypted entry (flag bit 0) is refused', () => {
    refuses({ flags: 0x0801 }, /encrypted/);
  });

  test('strong encryption (bit 6) and an encrypted directory (bit 13) are refused', () => {
    refuses({ flags: 0x0840 }, /encrypted/);
    refuses({ flags: 0x2800 }, /encrypted/);
  });

  test('an encrypted flag in the local header alone is refused', () => {
    refuses({ local: { flags: 0x0801 } }, /encrypted/);
  });

  test('unknown compression methods are refused (bzip2, LZMA, AES)', () => {
    for (const method of [1, 12, 14, 99]) refuses({ method, storedBytes: TEXT }, /method/);
  });

  test('ZIP64 is refused: sizes at 0xFFFFFFFF, a ZIP64 extra field, a ZIP64 count', () => {
    refuses({ compressedSize: 0xffffffff }, /ZIP64/);
    refuses({ uncompressedSize: 0xffffffff }, /ZIP64/);
    const zip64Extra = Buffer.alloc(20);
    zip64Extra.writeUInt16LE(0x0001, 0);
    zip64Extra.writeUInt16LE(16, 2);
    refuses({ extra: zip64Extra }, /ZIP64/);
    const bytes = forgeZip([{ name: 'a.md', data: TEXT }], { entryCount: 0xffff });
    assertZipError(() => readZipSafely(bytes, { maxEntries: 0xffff }), 'pack_zip_invalid');
  });

  test('a malformed extra field is refused', () => {
    const broken = Buffer.from([0x55, 0x54, 0x40, 0x00, 0x01]); // declares 64 bytes, holds 1
    refuses({ extra: broken }, /extra field/);
  });

  test('a multi-disk archive is refused', () => {
    const bytes = forgeZip([{ name: 'a.md', data: TEXT }], { diskNumber: 1 });
    assert.match(assertZipError(() => readZipSafely(bytes), 'pack_zip_invalid').message, /disks/);
  });

  test('the central directory and the local header must agree', () => {
    refuses({ local: { name: 'other.md' } }, /different file/);
    refuses({ local: { name: '../evil.md' } }, /different file/);
    refuses({ local: { method: 0 } }, /disagrees/);
    refuses({ local: { uncompressedSize: TEXT.length + 1 } }, /sizes or checksum/);
    refuses({ local: { compressedSize: 1 } }, /sizes or checksum/);
    refuses({ local: { crc32: 1 } }, /sizes or checksum/);
  });

  test('a data descriptor that disagrees with the central directory is refused', () => {
    const good = forgeZip([{ name: 'a.md', data: TEXT, dataDescriptor: true }]);
    assert.equal(readZipSafely(good).entries[0]?.data.toString(), TEXT.toString());
    const descriptorCrc = good.indexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08])) + 4;
    const bad = Buffer.from(good);
    bad.writeUInt32LE((bad.readUInt32LE(descriptorCrc) ^ 1) >>> 0, descriptorCrc);
    assertZipError(() => readZipSafely(bad), 'pack_zip_invalid');
  });

  test('an entry pointing outside the file, or into the central directory, is refused', () => {
    refuses({ localHeaderOffset: 10_000_000 }, /outside/);
    const bytes = forgeZip([{ name: 'a.md', data: TEXT }]);
    const directoryOffset = bytes.readUInt32LE(bytes.length - 6);
    const intoDirectory = forgeZip([{ name: 'a.md', data: TEXT, localHeaderOffset: directoryOffset }]);
    assertZipError(() => readZipSafely(intoDirectory), 'pack_zip_invalid');
  });

  test('a compressed size running past the central directory is refused', () => {
    refuses({ compressedSize: 100_000, local: { compressedSize: 100_000 } }, /outside/);
  });

  test('an entry count that lies either way is refused', () => {
    const three = [{ name: 'a' }, { name: 'b' }, { name: 'c' }].map((entry) => ({ ...entry, data: Buffer.from(entry.name) }));
    assertZipError(() => readZipSafely(forgeZip(three, { entryCount: 2 })), 'pack_zip_invalid');
    assertZipError(() => readZipSafely(forgeZip(three, { entryCount: 4 })), 'pack_zip_invalid');
  });

  test('a central directory offset that lies is refused', () => {
    const entries = [{ name: 'a.md', data: TEXT }];
    assertZipError(() => readZipSafely(forgeZip(entries, { directoryOffsetDelta: -4 })), 'pack_zip_invalid');
    assertZipError(() => readZipSafely(forgeZip(entries, { directoryOffsetDelta: 4 })), 'pack_zip_invalid');
  });

  test('a folder entry that holds data is refused', () => {
    const bytes = forgeZip([{ name: 'audio/', data: Buffer.from('hidden'), method: 0 }]);
    assertZipError(() => readZipSafely(bytes), 'pack_zip_invalid');
  });
});

describe('content that lies', () => {
  test('a declared uncompressed size smaller than the real one is refused', () => {
    refuses({ uncompressedSize: TEXT.length - 1 }, /size/);
  });

  test('a declared uncompressed size greater than the real one is refused', () => {
    refuses({ uncompressedSize: TEXT.length + 1 }, /size/);
  });

  test('a stored entry whose sizes disagree is refused', () => {
    refuses({ method: 0, uncompressedSize: TEXT.length - 1 }, /size/);
  });

  test('a wrong CRC-32 is refused', () => {
    refuses({ crc32: 0xdeadbeef }, /CRC-32/);
    refuses({ method: 0, crc32: 0 }, /CRC-32/);
  });

  test('damaged deflate data is refused', () => {
    const damaged = Buffer.from(deflateRawSync(TEXT));
    damaged[0] = 0xff; // an invalid block type
    refuses({ storedBytes: damaged }, /damaged/);
    refuses({ storedBytes: deflateRawSync(TEXT).subarray(0, 10) }, /damaged/);
    refuses({ storedBytes: Buffer.alloc(0) }, /damaged/);
  });

  test('bytes hidden after the end of a deflate stream are refused', () => {
    refuses({ storedBytes: Buffer.concat([deflateRawSync(TEXT), Buffer.from('hidden')]) }, /after the end/);
  });

  test('nothing is returned when only the last entry is bad: the first ones are never handed out', () => {
    const bytes = forgeZip([
      { name: 'good-1.md', data: TEXT },
      { name: 'good-2.md', data: TEXT },
      { name: 'bad.md', data: TEXT, crc32: 1 },
    ]);
    let result: unknown;
    assertZipError(() => {
      result = readZipSafely(bytes);
    }, 'pack_zip_invalid');
    assert.equal(result, undefined);
  });
});
