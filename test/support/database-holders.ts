import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { REPO_ROOT } from './cli.js';

/**
 * Another process (not this Lectern: a backup tool, a sqlite3 shell, a second window) holding a database in a chosen
 * way until it is killed (`stopProcess`). Each resolves once the hold is in place.
 */
const HOLDS = {
  /** An exclusive lock: nobody else can read or write the file. */
  exclusive: `db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE');`,
  /** The write lock of a WAL database: readers go on, every writer waits out its busy timeout. */
  write: `db.exec('BEGIN IMMEDIATE');`,
  /**
   * A long read transaction on a WAL database: it pins the snapshot it started with, so WAL frames committed after it
   * cannot be checkpointed until it ends.
   */
  pinnedRead: `db.exec('BEGIN'); db.prepare('SELECT count(*) FROM sqlite_schema').get();`,
} as const;

async function startHolder(dbPath: string, hold: keyof typeof HOLDS): Promise<ChildProcess> {
  const readonly = hold === 'pinnedRead';
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1], { readonly: ${readonly} });
    ${HOLDS[hold]}
    process.stdout.write('holding\\n');
    setInterval(() => {}, 1 << 30);`;
  const child = spawn(process.execPath, ['-e', script, dbPath], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => (output += chunk));
  while (!output.includes('holding')) {
    await Promise.race([once(child.stdout!, 'data'), once(child, 'exit')]);
    if (child.exitCode !== null) throw new Error(`the ${hold} holder exited early`);
  }
  return child;
}

export const startExclusiveHolder = (dbPath: string) => startHolder(dbPath, 'exclusive');
export const startWriteHolder = (dbPath: string) => startHolder(dbPath, 'write');
export const startPinnedReader = (dbPath: string) => startHolder(dbPath, 'pinnedRead');
