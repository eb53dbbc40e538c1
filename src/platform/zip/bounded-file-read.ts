import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** What reading a file under a size cap found. */
export type BoundedRead = { kind: 'read'; bytes: Buffer } | { kind: 'too_large' } | { kind: 'not_a_file' };

/**
 * Reads a whole file only when it is at most `maxBytes` long. The size is checked on the open descriptor before any
 * byte is read (a 10 GiB "pack" is refused without allocating anything), and the read stops at the size seen then,
 * so a file that grows meanwhile cannot push past the cap: the reader sees a truncated zip and refuses it.
 */
export function readFileNoLargerThan(path: string, maxBytes: number): BoundedRead {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    // A FIFO or a device could block forever or never end; a folder cannot be read.
    if (!stat.isFile()) return { kind: 'not_a_file' };
    if (stat.size > maxBytes) return { kind: 'too_large' };
    const bytes = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break; // it shrank meanwhile: the reader gets what is there and judges it
      filled += read;
    }
    return { kind: 'read', bytes: bytes.subarray(0, filled) };
  } finally {
    closeSync(fd);
  }
}
