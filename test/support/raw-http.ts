import { connect, type Socket } from 'node:net';

export interface RawConnection {
  socket: Socket;
  /** Everything the server sent so far, as latin1 text. */
  received(): string;
  /** Resolves with what was received once `done` holds; rejects after `timeoutMs` (the test then fails, never hangs). */
  waitFor(done: (received: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
}

/**
 * A raw TCP conversation with 127.0.0.1:port, for what an HTTP client library hides: a request head sent without its
 * body (to see when the server answers), `Expect: 100-continue`, or a client that goes away mid-upload.
 */
export function openRaw(port: number, head: string): RawConnection {
  const socket = connect(port, '127.0.0.1');
  let text = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    text += chunk;
  });
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(head);
  return {
    socket,
    received: () => text,
    closed,
    waitFor: (done, timeoutMs = 8000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (done(text)) {
            clearInterval(timer);
            clearTimeout(limit);
            resolve(text);
          }
        };
        const timer = setInterval(check, 10);
        const limit = setTimeout(() => {
          clearInterval(timer);
          reject(new Error(`the server did not answer as expected within ${timeoutMs} ms; received: ${JSON.stringify(text.slice(0, 500))}`));
        }, timeoutMs);
        check();
      }),
  };
}

/** The head of an HTTP/1.1 request, lines joined with CRLF and ended by the blank line. */
export function requestHead(method: string, path: string, headers: Record<string, string | number>): string {
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
}
