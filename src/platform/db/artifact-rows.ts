import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The artifacts table as the artifact store reads and writes it (profile database). */
export interface ArtifactRow {
  id: string;
  type: string;
  relPath: string;
  sha256: string;
  bytes: number;
  createdAt: string;
  metadata: Record<string, unknown>;
}

const COLUMNS = `id, type, local_relpath AS relPath, sha256, bytes, created_at AS createdAt, metadata_json AS metadataJson`;

const INSERT = `
  INSERT INTO artifacts (id, type, local_relpath, sha256, bytes, created_at, metadata_json)
  VALUES (@id, @type, @relPath, @sha256, @bytes, @createdAt, @metadataJson)`;
const SELECT_ONE = `SELECT ${COLUMNS} FROM artifacts WHERE id = ?`;
const DELETE_ONE = `DELETE FROM artifacts WHERE id = ?`;
const UPDATE_METADATA = `UPDATE artifacts SET metadata_json = ? WHERE id = ?`;
export const SELECT_RELPATHS = `SELECT local_relpath AS relPath FROM artifacts`;

type StoredRow = Omit<ArtifactRow, 'metadata'> & { metadataJson: string };

export function insertArtifactRow(db: Database, row: ArtifactRow): void {
  db.prepare(INSERT).run({ ...row, metadataJson: JSON.stringify(row.metadata) });
}

export function findArtifactRow(db: Database, id: string): ArtifactRow | null {
  const row = db.prepare(SELECT_ONE).get(id) as StoredRow | undefined;
  if (!row) return null;
  const { metadataJson, ...rest } = row;
  return { ...rest, metadata: JSON.parse(metadataJson) as Record<string, unknown> };
}

/** Replaces a row's metadata (derived facts cached with the file, such as the review page's waveform). */
export function updateArtifactMetadata(db: Database, id: string, metadata: Record<string, unknown>): boolean {
  return db.prepare(UPDATE_METADATA).run(JSON.stringify(metadata), id).changes > 0;
}

/** Returns whether a row was deleted. */
export function deleteArtifactRow(db: Database, id: string): boolean {
  return db.prepare(DELETE_ONE).run(id).changes > 0;
}

export function listArtifactRelPaths(db: Database): Set<string> {
  return new Set((db.prepare(SELECT_RELPATHS).all() as Array<{ relPath: string }>).map((row) => row.relPath));
}

/**
 * Rows whose file is neither in place nor set aside by the orphan sweep (read-only: works on a diagnostics
 * connection). A set-aside file is put back on its next read, so it is not lost.
 */
export function countRowsWithoutFile(db: Database, profileDir: string): number {
  let missing = 0;
  for (const relPath of listArtifactRelPaths(db)) {
    const setAside = join(profileDir, 'corrupted', 'orphan-files', relPath.replace(/^artifacts\//, ''));
    if (!existsSync(join(profileDir, relPath)) && !existsSync(setAside)) missing += 1;
  }
  return missing;
}
