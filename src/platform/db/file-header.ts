import { closeSync, openSync, readSync } from 'node:fs';

/** What the first 100 bytes of a database file say, read without SQLite (so no journal is replayed or created). */
export interface FileHeader {
  applicationId: number;
  userVersion: number;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The main file's own header (https://www.sqlite.org/fileformat2.html#the_database_header): user_version at offset 60,
 * application_id at 68. Null for a file too short or without SQLite's magic string.
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
  return { userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
}
