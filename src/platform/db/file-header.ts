import { closeSync, openSync, readSync } from 'node:fs';

/** What the first 100 bytes of a database file say, read without SQLite (so no journal is replayed or created). */
export interface FileHeader {
  pageSize: number;
  applicationId: number;
  userVersion: number;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The main file's own header (https://www.sqlite.org/fileformat2.html#the_database_header): the page size at offset 16
 * (1 means 65536), user_version at 60, application_id at 68. Null for a file too short or without SQLite's magic string.
 */
export function readFileHeader(path: string): FileHeader | null {
  const header = Buffer.alloc(100);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    if (readSync(fd, header, 0, 100, 0) < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const pageSize = header.readUInt16BE(16);
  return { pageSize: pageSize === 1 ? 65_536 : pageSize, userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
}
