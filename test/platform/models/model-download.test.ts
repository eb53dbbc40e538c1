import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { downloadModel, type ModelDownloadRequest } from '../../../src/platform/models/model-download.js';
import { serveModelFile } from '../../support/model-server.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { writeWhisperModel } from '../../support/whisper-model.js';

const TIMEOUT = { timeout: 60_000 };

function generated(): { path: string; bytes: number; sha256: string } {
  const path = join(makeTempDir(), 'ggml-test.en.bin');
  const bytes = writeWhisperModel(path, { seed: 3 });
  return { path, bytes, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
}

function requestFor(url: string, model: { bytes: number; sha256: string }, extra: Partial<ModelDownloadRequest> = {}): ModelDownloadRequest {
  const dir = join(makeTempDir(), 'models');
  return { url: `${url}ggml-test.en.bin`, finalPath: join(dir, 'ggml-test.en.bin'), partialPath: join(dir, 'ggml-test.en.bin.part'), bytes: model.bytes, sha256: model.sha256, ...extra };
}

describe('model download (a local HTTP server serving a generated model)', () => {
  test('downloads with progress, verifies sha256, then the file appears (0600) and no partial is left', TIMEOUT, async () => {
    const model = generated();
    const server = await serveModelFile(model.path);
    try {
      const progress: number[] = [];
      const request = requestFor(server.url, model, { onProgress: (p) => p.stage === 'downloading' && progress.push(p.receivedBytes) });
      await downloadModel(request);
      assert.deepEqual(readFileSync(request.finalPath), readFileSync(model.path));
      assert.equal(statSync(request.finalPath).mode & 0o777, 0o600);
      assert.equal(existsSync(request.partialPath), false);
      assert.ok(progress.length > 1, 'several progress events');
      assert.equal(progress.at(-1), model.bytes);
      assert.deepEqual(server.ranges, [null]);
    } finally {
      await server.close();
    }
  });

  test('a cut connection keeps the partial file; the next attempt resumes with a Range and completes', TIMEOUT, async () => {
    const model = generated();
    const server = await serveModelFile(model.path, { cutAfterBytes: 3_000_000 });
    try {
      const request = requestFor(server.url, model);
      await assert.rejects(downloadModel(request), { code: 'model_download_interrupted' });
      assert.equal(existsSync(request.finalPath), false, 'never a final file from a partial download');
      const kept = statSync(request.partialPath).size;
      assert.ok(kept > 0 && kept <= 3_000_000, `partial kept (${kept} bytes)`);
      await downloadModel(request);
      assert.deepEqual(server.ranges, [null, `bytes=${kept}-`]);
      assert.deepEqual(readFileSync(request.finalPath), readFileSync(model.path));
    } finally {
      await server.close();
    }
  });

  test('a file whose sha256 differs is refused and removed, and never becomes the model', TIMEOUT, async () => {
    const model = generated();
    const server = await serveModelFile(model.path);
    try {
      const request = requestFor(server.url, { bytes: model.bytes, sha256: '0'.repeat(64) });
      await assert.rejects(downloadModel(request), { code: 'model_checksum_mismatch' });
      assert.equal(existsSync(request.finalPath), false);
      assert.equal(existsSync(request.partialPath), false);
    } finally {
      await server.close();
    }
  });

  test('a cancel stops the transfer and removes the partial file', TIMEOUT, async () => {
    const model = generated();
    const server = await serveModelFile(model.path, { chunkBytes: 64 * 1024, delayMs: 20 });
    try {
      const controller = new AbortController();
      const request = requestFor(server.url, model, {
        signal: controller.signal,
        onProgress: (p) => p.receivedBytes > 500_000 && controller.abort(),
      });
      await assert.rejects(downloadModel(request), { code: 'job_cancelled' });
      assert.equal(existsSync(request.finalPath), false);
      assert.equal(existsSync(request.partialPath), false);
    } finally {
      await server.close();
    }
  });

  test('a full disk (ENOSPC injected at the write seam) is model_disk_full and the partial file is removed', TIMEOUT, async () => {
    const model = generated();
    const server = await serveModelFile(model.path);
    try {
      let written = 0;
      const request = requestFor(server.url, model, {
        openWriter: (path) => {
          const real = createWriteStream(path, { flags: 'a' });
          return new Writable({
            write(chunk: Buffer, _encoding, callback) {
              written += chunk.length;
              if (written > 1_000_000) return callback(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
              real.write(chunk, callback);
            },
            final(callback) {
              real.end(callback);
            },
          }) as unknown as ReturnType<NonNullable<ModelDownloadRequest['openWriter']>>;
        },
      });
      await assert.rejects(downloadModel(request), { code: 'model_disk_full' });
      assert.equal(existsSync(request.partialPath), false);
      assert.equal(existsSync(request.finalPath), false);
    } finally {
      await server.close();
    }
  });

  test('a source that is not http(s) is refused before any connection', TIMEOUT, async () => {
    const model = generated();
    await assert.rejects(downloadModel({ ...requestFor('file:///etc/', model) }), { code: 'model_source_invalid' });
  });
});
