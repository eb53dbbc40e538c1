import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { REPO_ROOT } from './cli.js';

/**
 * A process that is not Lectern (a backup tool, a sqlite3 shell) holding an exclusive lock on a database file until it
 * is killed. Resolves once the lock is held.
 */
export async function startExclusiveHolder(dbPath: string): Promise<ChildProcess> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('locked\\n');
    setInterval(() => {}, 1 << 30);`;
  const child = spawn(process.execPath, ['-e', script, dbPath], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => (output += chunk));
  while (!output.includes('locked')) {
    await Promise.race([once(child.stdout!, 'data'), once(child, 'exit')]);
    if (child.exitCode !== null) throw new Error('the lock holder exited early');
  }
  return child;
}
