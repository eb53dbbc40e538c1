import Database from 'better-sqlite3';
import { sha256OfFile } from '../../fs/file-hash.js';
import { LECTERN_APPLICATION_ID } from '../application-id.js';

export interface SnapshotVerification {
  ok: boolean;
  /** Why it failed, in words safe to show (no paths). */
  problem: string | null;
  schemaVersion: number | null;
  latestMigration: string | null;
  bytes: number;
  sha256: string;
}

/**
 * A snapshot is usable only if it opens read-only, passes quick_check, carries Lectern's application_id and has a
 * readable migration history, and (when a manifest recorded them) still has the recorded size and sha256.
 */
export function verifySnapshotFile(path: string, expected?: { bytes: number; sha256: string } | null): SnapshotVerification {
  const { sha256, bytes } = sha256OfFile(path);
  const result = (problem: string | null, schemaVersion: number | null = null, latestMigration: string | null = null) => ({
    ok: problem === null,
    problem,
    schemaVersion,
    latestMigration,
    bytes,
    sha256,
  });
  if (expected && (expected.bytes !== bytes || expected.sha256 !== sha256)) {
    return result('its content changed since it was taken (size or sha256 differs from its manifest)');
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const check = (db.pragma('quick_check') as Array<{ quick_check: string }>)[0]?.quick_check;
    if (check !== 'ok') return result('its structural check (quick_check) failed');
    if (Number(db.pragma('application_id', { simple: true })) !== LECTERN_APPLICATION_ID) {
      return result('it is not a Lectern database');
    }
    const latest = db.prepare('SELECT name FROM schema_migrations ORDER BY version DESC LIMIT 1').get() as
      | { name: string }
      | undefined;
    return result(null, Number(db.pragma('user_version', { simple: true })), latest?.name ?? null);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    return result(`it cannot be read as a database (${code})`);
  } finally {
    db?.close();
  }
}
