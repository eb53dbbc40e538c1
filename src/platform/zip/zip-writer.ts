import { deflateRawSync } from 'node:zlib';
import { writeFileAtomic } from '../fs/durable-file.js';
import { crc32 } from './crc32.js';
import { assertNoEntryNamesCollide } from './entry-name-collisions.js';
import { assertEntryNameIsSafe, isFolderEntryName } from './entry-name-rules.js';
import { invalidEntryPath, tooLargeToWrite, tooManyEntriesToWrite } from './zip-errors.js';
import {
  CENTRAL_HEADER_SIGNATURE,
  CENTRAL_HEADER_SIZE,
  DOS_DATE_1980_01_01,
  DOS_TIME_MIDNIGHT,
  END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  END_OF_CENTRAL_DIRECTORY_SIZE,
  FLAG_UTF8_NAME,
  LOCAL_HEADER_SIGNATURE,
  LOCAL_HEADER_SIZE,
  METHOD_DEFLATE,
  METHOD_STORE,
  UNIX_REGULAR_FILE_0644,
  VERSION_MADE_BY_UNIX,
  VERSION_NEEDED,
  ZIP64_MARKER_16,
  ZIP64_MARKER_32,
} from './zip-format.js';

export interface ZipEntryInput {
  /** A safe relative path with "/" separators (the reader's rules); folders are implied, not listed. */
  name: string;
  data: Buffer;
  /** Deflate it (text, JSON) or store it as is (audio that is already compressed). */
  compress: boolean;
}

/** An entry ready to be laid out: everything both of its headers repeat. */
interface PreparedEntry {
  nameBytes: Buffer;
  method: number;
  crc32: number;
  stored: Buffer;
  uncompressedSize: number;
}

/**
 * A standard zip of `entries`, in the order given: local headers and data, central directory, end record. Names are
 * UTF-8 (flag bit 11), times are 1980-01-01 and attributes a fixed 0644 file, so the same entries always give the
 * same bytes (for one zlib version). Refuses names the reader would refuse, so Lectern never writes a pack it
 * cannot open; refuses what would need ZIP64.
 */
export function writeZip(entries: readonly ZipEntryInput[]): Buffer {
  assertEntriesCanBeWritten(entries);
  const prepared = entries.map(prepareEntry);
  const chunks: Buffer[] = [];
  const localOffsets: number[] = [];
  let offset = 0;
  for (const entry of prepared) {
    localOffsets.push(offset);
    const header = localHeaderOf(entry);
    chunks.push(header, entry.stored);
    offset += header.length + entry.stored.length;
  }
  const directoryOffset = offset;
  const directory = prepared.map((entry, index) => centralHeaderOf(entry, localOffsets[index] ?? 0));
  const directorySize = directory.reduce((sum, header) => sum + header.length, 0);
  assertFitsWithoutZip64(directoryOffset + directorySize);
  return Buffer.concat([...chunks, ...directory, endRecordOf(prepared.length, directorySize, directoryOffset)]);
}

/** writeZip, then an atomic, durable, 0600 write: a reader of `path` sees the old pack or the new one, never half. */
export function writeZipFileAtomic(path: string, entries: readonly ZipEntryInput[]): void {
  writeFileAtomic(path, writeZip(entries));
}

function assertEntriesCanBeWritten(entries: readonly ZipEntryInput[]): void {
  if (entries.length >= ZIP64_MARKER_16) {
    throw tooManyEntriesToWrite(ZIP64_MARKER_16 - 1);
  }
  for (const entry of entries) {
    assertEntryNameIsSafe(entry.name);
    if (isFolderEntryName(entry.name)) throw invalidEntryPath('folders are implied by file names and not written');
  }
  assertNoEntryNamesCollide(entries.map((entry) => entry.name));
}

function prepareEntry(entry: ZipEntryInput): PreparedEntry {
  const stored = entry.compress ? deflateRawSync(entry.data) : entry.data;
  assertFitsWithoutZip64(entry.data.length);
  assertFitsWithoutZip64(stored.length);
  return {
    nameBytes: Buffer.from(entry.name, 'utf8'),
    method: entry.compress ? METHOD_DEFLATE : METHOD_STORE,
    crc32: crc32(entry.data),
    stored,
    uncompressedSize: entry.data.length,
  };
}

function assertFitsWithoutZip64(size: number): void {
  if (size >= ZIP64_MARKER_32) throw tooLargeToWrite();
}

function localHeaderOf(entry: PreparedEntry): Buffer {
  const header = Buffer.alloc(LOCAL_HEADER_SIZE + entry.nameBytes.length);
  header.writeUInt32LE(LOCAL_HEADER_SIGNATURE, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  header.writeUInt16LE(FLAG_UTF8_NAME, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(DOS_TIME_MIDNIGHT, 10);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  header.writeUInt32LE(entry.crc32, 14);
  header.writeUInt32LE(entry.stored.length, 18);
  header.writeUInt32LE(entry.uncompressedSize, 22);
  header.writeUInt16LE(entry.nameBytes.length, 26);
  header.writeUInt16LE(0, 28); // no extra field
  entry.nameBytes.copy(header, LOCAL_HEADER_SIZE);
  return header;
}

function centralHeaderOf(entry: PreparedEntry, localHeaderOffset: number): Buffer {
  assertFitsWithoutZip64(localHeaderOffset);
  const header = Buffer.alloc(CENTRAL_HEADER_SIZE + entry.nameBytes.length);
  header.writeUInt32LE(CENTRAL_HEADER_SIGNATURE, 0);
  header.writeUInt16LE(VERSION_MADE_BY_UNIX, 4);
  header.writeUInt16LE(VERSION_NEEDED, 6);
  header.writeUInt16LE(FLAG_UTF8_NAME, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(DOS_TIME_MIDNIGHT, 12);
  header.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  header.writeUInt32LE(entry.crc32, 16);
  header.writeUInt32LE(entry.stored.length, 20);
  header.writeUInt32LE(entry.uncompressedSize, 24);
  header.writeUInt16LE(entry.nameBytes.length, 28);
  // extra field length (30), comment length (32), disk (34) and internal attributes (36) stay 0
  header.writeUInt32LE((UNIX_REGULAR_FILE_0644 << 16) >>> 0, 38);
  header.writeUInt32LE(localHeaderOffset, 42);
  entry.nameBytes.copy(header, CENTRAL_HEADER_SIZE);
  return header;
}

function endRecordOf(entryCount: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(END_OF_CENTRAL_DIRECTORY_SIZE);
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY_SIGNATURE, 0);
  // disk numbers (4, 6) stay 0: one disk
  record.writeUInt16LE(entryCount, 8);
  record.writeUInt16LE(entryCount, 10);
  record.writeUInt32LE(directorySize, 12);
  record.writeUInt32LE(directoryOffset, 16);
  // comment length (20) stays 0
  return record;
}
