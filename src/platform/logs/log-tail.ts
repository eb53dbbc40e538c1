import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

/** The most a log tail reads, whatever the files' sizes: 300 lines of Lectern's log are about 50 KiB. */
export const LOG_TAIL_MAX_BYTES = 512 * 1024;

/**
 * The newest `maxLines` lines of a rotated log, oldest first. `files` are newest first (the log being written, then
 * its rotations); each is read backwards from its end, and at most `maxBytes` are read in all, so a huge log costs no
 * more than a small one. A partial line at the start of what was read is left out.
 */
export function readLogTail(files: readonly string[], maxLines: number, maxBytes = LOG_TAIL_MAX_BYTES): string[] {
  const lines: string[] = [];
  let budget = maxBytes;
  for (const file of files) {
    if (lines.length >= maxLines || budget <= 0 || !existsSync(file)) break;
    const { text, whole } = readEnd(file, budget);
    budget -= Buffer.byteLength(text);
    const fileLines = text.split('\n');
    if (!whole) fileLines.shift();
    lines.unshift(...fileLines.filter(Boolean).slice(-(maxLines - lines.length)));
    if (!whole) break;
  }
  return lines;
}

/** The last `maxBytes` of a file, and whether that is the whole file. */
function readEnd(file: string, maxBytes: number): { text: string; whole: boolean } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const got = readSync(fd, buffer, read, length - read, size - length + read);
      if (got === 0) break;
      read += got;
    }
    return { text: buffer.subarray(0, read).toString('utf8'), whole: length === size };
  } finally {
    closeSync(fd);
  }
}
