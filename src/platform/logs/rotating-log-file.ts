import { closeSync, fstatSync, openSync, renameSync, writeSync } from 'node:fs';
import { makeFilePrivate, PRIVATE_FILE_MODE } from '../fs/private-permissions.js';

/**
 * How much log Lectern keeps: each file is rotated once it would pass MAX_LOG_FILE_BYTES = 5 MiB, and
 * LOG_GENERATIONS = 3 files are kept (the current one and two rotations), so the log never holds more than about
 * 15 MiB whatever a web page sends. A line longer than MAX_LOG_LINE_BYTES = 2 KiB is replaced by a short notice: no
 * line Lectern writes comes near it (a request line is about 150 bytes), so a long one is a bug, not a record.
 */
export const MAX_LOG_FILE_BYTES = 5 * 1024 * 1024;
export const LOG_GENERATIONS = 3;
export const MAX_LOG_LINE_BYTES = 2048;

export interface RotatingLogFileOptions {
  /** Path of a generation: 0 is the file being written, 1 the previous one, and so on. */
  pathOf: (generation: number) => string;
  maxFileBytes?: number;
  generations?: number;
  maxLineBytes?: number;
}

/**
 * A size-capped, rotating, synchronous log destination (pino calls `write` with one JSON line at a time). Writes are
 * synchronous so that the last lines before a crash are on disk. Rotation renames `lectern.log` to `lectern.log.1`,
 * `.1` to `.2`, and so on; the oldest generation is replaced. Every file is 0600.
 */
export class RotatingLogFile {
  private readonly maxFileBytes: number;
  private readonly generations: number;
  private readonly maxLineBytes: number;
  private fd: number;
  private bytes: number;

  constructor(private readonly options: RotatingLogFileOptions) {
    this.maxFileBytes = options.maxFileBytes ?? MAX_LOG_FILE_BYTES;
    this.generations = options.generations ?? LOG_GENERATIONS;
    this.maxLineBytes = options.maxLineBytes ?? MAX_LOG_LINE_BYTES;
    this.fd = this.openCurrent();
    this.bytes = fstatSync(this.fd).size;
  }

  write(line: string): boolean {
    const text = Buffer.byteLength(line) > this.maxLineBytes ? droppedLineNotice(line) : line;
    const bytes = Buffer.byteLength(text);
    if (this.bytes > 0 && this.bytes + bytes > this.maxFileBytes) this.rotate();
    writeSync(this.fd, text);
    this.bytes += bytes;
    return true;
  }

  /** Closes the file; later writes are an error. */
  close(): void {
    closeSync(this.fd);
  }

  private rotate(): void {
    closeSync(this.fd);
    const { pathOf } = this.options;
    for (let generation = this.generations - 1; generation >= 1; generation -= 1) {
      try {
        renameSync(pathOf(generation - 1), pathOf(generation));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    this.fd = this.openCurrent();
    this.bytes = 0;
  }

  private openCurrent(): number {
    const path = this.options.pathOf(0);
    const fd = openSync(path, 'a', PRIVATE_FILE_MODE);
    makeFilePrivate(path);
    return fd;
  }
}

/** What replaces an over-long line: valid JSON, with only its length kept (never any of its content). */
function droppedLineNotice(line: string): string {
  return `${JSON.stringify({ level: 40, time: new Date().toISOString(), msg: 'log line dropped: too long', bytes: Buffer.byteLength(line) })}\n`;
}
