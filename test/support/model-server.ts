import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ModelServer {
  url: string;
  /** Every request's Range header (null when absent), in order. */
  ranges: Array<string | null>;
  close(): Promise<void>;
}

/**
 * A model source on 127.0.0.1 for tests: serves one file with HTTP Range support. `cutAfterBytes` makes the first
 * response stop (socket destroyed) after that many bytes, like a dropped connection; `bytesPerSecond` paces it, so a
 * test can cancel mid-way.
 */
export async function serveModelFile(path: string, options: { cutAfterBytes?: number; chunkBytes?: number; delayMs?: number } = {}): Promise<ModelServer> {
  const body = readFileSync(path);
  const ranges: Array<string | null> = [];
  let cutPending = options.cutAfterBytes !== undefined;
  const server: Server = createServer((request, response) => {
    const range = request.headers.range ?? null;
    ranges.push(range);
    const start = range ? Number(/^bytes=(\d+)-$/.exec(range)?.[1] ?? 0) : 0;
    const slice = body.subarray(start);
    response.writeHead(range ? 206 : 200, {
      'content-length': String(slice.length),
      ...(range ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    const end = cutPending ? Math.min(slice.length, options.cutAfterBytes!) : slice.length;
    const cut = cutPending;
    cutPending = false;
    const chunk = options.chunkBytes ?? 256 * 1024;
    let offset = 0;
    const pump = () => {
      if (response.destroyed) return;
      if (offset >= end) {
        if (cut) response.socket?.destroy();
        else response.end();
        return;
      }
      response.write(slice.subarray(offset, Math.min(end, offset + chunk)));
      offset += chunk;
      setTimeout(pump, options.delayMs ?? 0);
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    ranges,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
