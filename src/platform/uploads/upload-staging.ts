import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../kernel/errors.js';
import { isId, newId } from '../../kernel/ids.js';
import { writeFileAtomic } from '../fs/durable-file.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../fs/private-permissions.js';

/** Uploads larger than this are refused before they are written (a pack is at most 300 MiB). */
export const UPLOAD_MAX_BYTES = 300 * 1024 * 1024;
/** Staged uploads older than this were abandoned (an import that never came): the sweep removes them. */
export const STAGED_UPLOAD_TTL_MS = 24 * 3600_000;

export function uploadTooLarge(maxBytes: number): AppError {
  return new AppError('upload_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB.`);
}

/**
 * Files handed to Lectern from outside (a pack to inspect or import) wait in `<dataDir>/staging/<uploadId>` until a
 * command consumes them. Commands receive the upload id, never a path: nothing outside the data folder is ever read on
 * a client's say-so.
 */
export class UploadStaging {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'staging');
  }

  stage(data: Buffer): string {
    if (data.length > UPLOAD_MAX_BYTES) throw uploadTooLarge(UPLOAD_MAX_BYTES);
    ensurePrivateDir(this.dir);
    const uploadId = newId('upl');
    writeFileAtomic(join(this.dir, uploadId), data);
    return uploadId;
  }

  /**
   * Streams an upload to a private temp file in staging/, counting bytes as they arrive: past the cap the stream is
   * abandoned and the partial file removed (`upload_too_large`). Nothing is kept unless the whole upload arrived.
   */
  async stageStream(chunks: AsyncIterable<Uint8Array>, maxBytes = UPLOAD_MAX_BYTES): Promise<string> {
    ensurePrivateDir(this.dir);
    const uploadId = newId('upl');
    const temp = join(this.dir, `.partial-${uploadId}`);
    const fd = openSync(temp, 'wx', PRIVATE_FILE_MODE);
    let bytes = 0;
    try {
      for await (const chunk of chunks) {
        bytes += chunk.length;
        if (bytes > maxBytes) throw uploadTooLarge(maxBytes);
        writeSync(fd, chunk);
      }
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(temp, join(this.dir, uploadId));
    return uploadId;
  }

  read(uploadId: string): Buffer {
    return readFileSync(this.pathOf(uploadId));
  }

  discard(uploadId: string): void {
    rmSync(this.pathOf(uploadId), { force: true });
  }

  sweepAbandoned(now = Date.now()): number {
    if (!existsSync(this.dir)) return 0;
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      if (now - statSync(path).mtimeMs > STAGED_UPLOAD_TTL_MS) {
        rmSync(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private pathOf(uploadId: string): string {
    if (!isId('upl', uploadId)) throw new AppError('upload_not_found', 'No uploaded file with this id is waiting.');
    const path = join(this.dir, uploadId);
    if (!existsSync(path)) throw new AppError('upload_not_found', 'No uploaded file with this id is waiting.');
    return path;
  }
}
