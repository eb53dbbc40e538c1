import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../kernel/errors.js';
import { fsyncDir, fsyncFile } from '../fs/durable-file.js';
import { ensurePrivateDir, makeFilePrivate } from '../fs/private-permissions.js';

export interface ModelDownloadRequest {
  url: string;
  /** The final file: it exists only once its bytes were verified. */
  finalPath: string;
  /** Where the bytes grow meanwhile; a connection cut keeps it, so the next attempt resumes with an HTTP Range. */
  partialPath: string;
  bytes: number;
  sha256: string;
  signal?: AbortSignal;
  onProgress?: (progress: { receivedBytes: number; totalBytes: number; stage: 'downloading' | 'verifying' }) => void;
  /** The write seam (tests put a full disk here). */
  openWriter?: (path: string) => WriteStream;
}

const MAX_REDIRECTS = 5;

/**
 * Downloads one model file, resuming a partial file left by a cut connection (HTTP Range), and makes it the final file
 * only after its size and sha256 match the catalogue: a bad, partial or foreign file is never used. Outcomes:
 * - done: the verified file at `finalPath` (0600, fsynced, renamed into place);
 * - `model_download_interrupted`: the connection failed; the partial file stays for the next attempt to resume;
 * - `model_checksum_mismatch` / `model_size_mismatch`: the partial file is removed;
 * - `job_cancelled`: the partial file is removed (the user asked to stop);
 * - `model_disk_full`: the partial file is removed, to give the space back.
 * It talks to the configured source only (and to the redirects it answers with), over http(s) GET, and to nothing else.
 */
export async function downloadModel(request: ModelDownloadRequest): Promise<void> {
  ensurePrivateDir(dirname(request.finalPath));
  try {
    await fetchRemainingBytes(request);
    request.onProgress?.({ receivedBytes: request.bytes, totalBytes: request.bytes, stage: 'verifying' });
    await verifyPartialFile(request);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'model_download_interrupted')) rmSync(request.partialPath, { force: true });
    throw error;
  }
  fsyncFile(request.partialPath);
  renameSync(request.partialPath, request.finalPath);
  makeFilePrivate(request.finalPath);
  fsyncDir(dirname(request.finalPath));
}

async function fetchRemainingBytes(request: ModelDownloadRequest): Promise<void> {
  let start = existsSync(request.partialPath) ? statSync(request.partialPath).size : 0;
  if (start > request.bytes) {
    rmSync(request.partialPath, { force: true });
    start = 0;
  }
  if (start === request.bytes) return;
  const response = await requestFollowingRedirects(request.url, start, request.signal);
  if (start > 0 && response.statusCode === 200) {
    // The source ignored the Range: start over rather than append the whole file to the part we had.
    rmSync(request.partialPath, { force: true });
    start = 0;
  } else if (response.statusCode !== 200 && response.statusCode !== 206) {
    response.resume();
    throw new AppError('model_download_failed', `The model source answered HTTP ${response.statusCode}; check the download source in Settings.`);
  }
  const declared = Number(response.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared !== request.bytes - start) {
    response.resume();
    throw sizeMismatch();
  }
  let received = start;
  response.on('data', (chunk: Buffer) => {
    received += chunk.length;
    request.onProgress?.({ receivedBytes: Math.min(received, request.bytes), totalBytes: request.bytes, stage: 'downloading' });
  });
  const writer = (request.openWriter ?? ((path) => createWriteStream(path, { flags: 'a', mode: 0o600 })))(request.partialPath);
  try {
    await pipeline(response, writer, { signal: request.signal });
  } catch (error) {
    // A write already handed to the file system finishes after the pipeline gave up: wait for the file to be closed,
    // or that late write would land after the next attempt has measured where to resume, duplicating bytes.
    if (!writer.closed) await new Promise<void>((resolve) => writer.once('close', () => resolve()));
    throw classifyTransferFailure(error, request.signal);
  }
  makeFilePrivate(request.partialPath);
  if (received < request.bytes) throw interrupted();
}

async function verifyPartialFile(request: ModelDownloadRequest): Promise<void> {
  const size = statSync(request.partialPath).size;
  if (size !== request.bytes) throw sizeMismatch();
  const hash = createHash('sha256');
  await pipeline(createReadStream(request.partialPath), hash, { signal: request.signal }).catch((error: unknown) => {
    throw classifyTransferFailure(error, request.signal);
  });
  if (hash.digest('hex') !== request.sha256) {
    throw new AppError('model_checksum_mismatch', 'The downloaded model is not the published file (its sha256 differs); it was removed and is never used.');
  }
}

function requestFollowingRedirects(url: string, start: number, signal: AbortSignal | undefined, redirects = 0): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const get = target.protocol === 'https:' ? httpsGet : target.protocol === 'http:' ? httpGet : null;
    if (!get) return reject(new AppError('model_source_invalid', 'The model source must be an http or https address.'));
    const headers = start > 0 ? { range: `bytes=${start}-` } : {};
    const outgoing = get(target, { headers, signal }, (response) => {
      const location = response.headers.location;
      if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && location) {
        response.resume();
        if (redirects >= MAX_REDIRECTS) return reject(new AppError('model_download_failed', 'The model source redirected too many times.'));
        return resolve(requestFollowingRedirects(new URL(location, target).toString(), start, signal, redirects + 1));
      }
      resolve(response);
    });
    outgoing.on('error', (error) => reject(classifyTransferFailure(error, signal)));
  });
}

function classifyTransferFailure(error: unknown, signal: AbortSignal | undefined): AppError {
  if (error instanceof AppError) return error;
  if (signal?.aborted) return new AppError('job_cancelled', 'The download was cancelled; its partial file was removed.');
  if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
    return new AppError('model_disk_full', 'The disk is full: the partial model was removed. Free some space and try again.');
  }
  return interrupted();
}

function sizeMismatch(): AppError {
  return new AppError('model_size_mismatch', 'The source sends a file of another size than the published model; nothing was kept. Check the download source.');
}

function interrupted(): AppError {
  return new AppError('model_download_interrupted', 'The connection was lost during the download; run it again to resume where it stopped.');
}
