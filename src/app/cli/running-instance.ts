import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentLockHolder } from '../../platform/db/data-dir-lock.js';
import type { DataLayout } from '../../platform/db/layout.js';
import { writeFileAtomic } from '../../platform/fs/durable-file.js';
import { instanceProof, LAUNCH_LINK_PATH, sameProof, type LaunchLinkAnswer } from '../server/instance-handshake.js';

/** What the instance file says: which process serves this data folder, on which port, with which per-run secret. */
interface InstanceRecord {
  pid: number;
  port: number;
  secret: string;
}

/** How long a second start waits for a first one that holds the lock but has not published its port yet. */
const STARTING_INSTANCE_WAIT_MS = 10_000;
const POLL_MS = 200;
const REQUEST_TIMEOUT_MS = 5_000;
/** An answer is a link and a proof: anything longer is not from Lectern. */
const ANSWER_MAX_BYTES = 4096;

/** A fresh per-run secret: 32 random bytes, never the launch token (which a browser's history may hold). */
export function newInstanceSecret(): Buffer {
  return randomBytes(32);
}

/** Tells later `lectern start`s where this one listens: the instance file, written atomically, 0600. */
export function publishInstance(layout: DataLayout, port: number, secret: Buffer): void {
  const record: InstanceRecord = { pid: process.pid, port, secret: secret.toString('base64url') };
  writeFileAtomic(layout.instanceFile, `${JSON.stringify(record)}\n`);
}

/** Removes the instance file at shutdown, if it is still this process's. */
export function withdrawInstance(layout: DataLayout): void {
  if (readInstance(layout)?.pid === process.pid) rmSync(layout.instanceFile, { force: true });
}

/**
 * A new one-time launch link from the `lectern start` that owns this data folder, or null when there is none to ask
 * (the lock holder is another kind of Lectern process, it published no port in time, or it did not answer with a link
 * proven by the secret). Only a process that can read the data folder can ask: the instance file is 0600.
 */
export async function askRunningInstanceForLink(layout: DataLayout): Promise<string | null> {
  const deadline = Date.now() + STARTING_INSTANCE_WAIT_MS;
  for (;;) {
    const holder = currentLockHolder(layout.lockFile);
    if (!holder) return null;
    const instance = readInstance(layout);
    // A file left by an earlier run names a dead pid (its port may now be anyone's): never contacted.
    if (instance?.pid === holder.pid) return requestLaunchLink(instance);
    if (Date.now() > deadline) return null;
    await sleep(POLL_MS);
  }
}

function readInstance(layout: DataLayout): InstanceRecord | null {
  try {
    const record = JSON.parse(readFileSync(layout.instanceFile, 'utf8')) as Partial<InstanceRecord>;
    if (Number.isInteger(record.pid) && Number.isInteger(record.port) && typeof record.secret === 'string') return record as InstanceRecord;
  } catch {
    // missing or half-read: no running instance to ask
  }
  return null;
}

async function requestLaunchLink(instance: InstanceRecord): Promise<string | null> {
  const secret = Buffer.from(instance.secret, 'base64url');
  const nonce = randomBytes(32).toString('base64url');
  const answer = await postJson(instance.port, LAUNCH_LINK_PATH, { nonce, proof: instanceProof(secret, 'request', nonce) });
  const { launchUrl, proof } = (answer ?? {}) as Partial<LaunchLinkAnswer>;
  if (typeof launchUrl !== 'string' || !sameProof(proof, instanceProof(secret, 'answer', nonce, launchUrl))) return null;
  // Proven by the secret; the shape is checked too, so nothing but our own loopback link is ever opened.
  const expected = new RegExp(`^http://127\\.0\\.0\\.1:${instance.port}/auth\\?token=[A-Za-z0-9_-]+$`);
  return expected.test(launchUrl) ? launchUrl : null;
}

/** POSTs JSON to our own loopback server; resolves with the parsed answer of a 200, else null. */
function postJson(port: number, path: string, body: unknown): Promise<unknown> {
  const text = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        timeout: REQUEST_TIMEOUT_MS,
        headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > ANSWER_MAX_BYTES) req.destroy();
          else chunks.push(chunk);
        });
        res.on('error', () => resolve(null));
        res.on('end', () => {
          try {
            resolve(res.statusCode === 200 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null);
          } catch {
            resolve(null);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
    req.on('close', () => resolve(null));
    req.end(text);
  });
}
