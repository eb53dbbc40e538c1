import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../kernel/errors.js';
import { UPLOAD_MAX_BYTES } from '../../contracts/upload-limits.js';
import { isId, newId } from '../../kernel/ids.js';
import { writeFileAtomic } from '../fs/durable-file.js';
import { DataLayout } from '../db/layout.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../fs/private-permissions.js';

export { UPLOAD_MAX_BYTES };
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
    this.dir = new DataLayout(dataDir).stagingDir;
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
   * Writes and the final fsync are asynchronous (libuv's thread pool), so a 300 MiB upload never blocks the event loop.
   */
  async stageStream(chunks: AsyncIterable<Uint8Array>, maxBytes = UPLOAD_MAX_BYTES): Promise<string> {
    ensurePrivateDir(this.dir);
    const uploadId = newId('upl');
    const temp = join(this.dir, `.partial-${uploadId}`);
    const file = await open(temp, 'wx', PRIVATE_FILE_MODE);
    let bytes = 0;
    try {
      for await (const chunk of chunks) {
        bytes += chunk.length;
        if (bytes > maxBytes) throw uploadTooLarge(maxBytes);
        await file.write(chunk);
      }
      await file.sync();
    } catch (error) {
      await file.close();
      await rm(temp, { force: true });
      throw error;
    }
    await file.close();
    await rename(temp, join(this.dir, uploadId));
    return uploadId;
  }

  read(uploadId: string): Buffer {
    return readFileSync(this.pathOf(uploadId));
  }

  /** The staged file's path, for a reader that streams it (an audio import in a worker thread). */
  fileOf(uploadId: string): string {
    return this.pathOf(uploadId);
  }

  /** Removes a staged upload; an unknown or malformed id is nothing to remove (clean-up never hides the real error). */
  discard(uploadId: string): void {
    if (isId('upl', uploadId)) rmSync(join(this.dir, uploadId), { force: true });
  }

  /** discard, without blocking the event loop on unlinking a large file. */
  async discardInBackground(uploadId: string): Promise<void> {
    if (isId('upl', uploadId)) await rm(join(this.dir, uploadId), { force: true });
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
