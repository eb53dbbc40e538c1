import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { nowUtc } from '../../kernel/time.js';
import {
  countRowsWithoutFile,
  deleteArtifactRow,
  findArtifactRow,
  insertArtifactRow,
  listArtifactRelPaths,
  updateArtifactMetadata,
  type ArtifactRow,
} from '../db/artifact-rows.js';
import { fsyncDirAsync, tempPathBeside, writeFileAtomic } from '../fs/durable-file.js';
import { ensurePrivateDir } from '../fs/private-permissions.js';

export type { ArtifactRow } from '../db/artifact-rows.js';

/** A file written durably in place, whose row is not committed yet: commit it in a transaction, or discard it. */
export interface StagedArtifact extends ArtifactRow {
  absPath: string;
}

export interface NewArtifact {
  type: string;
  extension: string;
  /** The bytes, or a file already in its place (`placeReserved`), too large to hold in memory. */
  data: Buffer | PlacedFile;
  metadata?: Record<string, unknown>;
  /** `art` for stored files; packs use their pack id so that the zip and its artifact share one id. */
  id?: string;
}

/** A reserved file already moved into its place by `placeReserved`, with its hash computed while it was written. */
export interface PlacedFile {
  placed: true;
  sha256: string;
  bytes: number;
}

/** Where a large file is written before it is committed: a temp name beside its final place (same folder). */
export interface ArtifactReservation {
  id: string;
  type: string;
  extension: string;
  tempPath: string;
}

const TYPE = /^[a-z_]{1,32}$/;
const EXTENSION = /^[a-z0-9]{1,8}$/;
/** Files without a row younger than this may belong to a write in progress; older ones are leftovers of a crash. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/**
 * Files of one profile under `artifacts/<type>/<id>.<ext>`, each with a row in the profile database. Writes stage the
 * file first (temp, fsync, rename), then the caller inserts the row inside its own transaction; if that transaction
 * fails the staged files are removed (compensation). Reads and deletes never leave the profile folder.
 */
export class ArtifactStore {
  constructor(
    private readonly db: Database,
    private readonly profileDir: string,
  ) {}

  stage(artifact: NewArtifact): StagedArtifact {
    const id = artifact.id ?? newId('art');
    const { relPath, absPath } = this.placeOf(artifact.type, artifact.extension, id);
    ensurePrivateDir(dirname(absPath));
    const { data } = artifact;
    if (Buffer.isBuffer(data)) writeFileAtomic(absPath, data);
    else if (!existsSync(absPath)) throw new Error('A placed artifact file is missing from its place.');
    return {
      id,
      type: artifact.type,
      relPath,
      absPath,
      sha256: Buffer.isBuffer(data) ? createHash('sha256').update(data).digest('hex') : data.sha256,
      bytes: Buffer.isBuffer(data) ? data.length : data.bytes,
      createdAt: nowUtc(),
      metadata: artifact.metadata ?? {},
    };
  }

  /**
   * Reserves an id and a temp path beside the future file, in its folder, for a file too large to hold in memory:
   * write and fsync it there (a worker thread may), move it into place with `placeReserved`, then commit its row with
   * `commitWith({ ..., id, data: { placed: true, sha256, bytes } })`, which removes the file if the transaction fails.
   * `release` removes the temp file of a reservation that was not placed.
   */
  reserve(type: string, extension: string): ArtifactReservation {
    const id = newId('art');
    const { absPath } = this.placeOf(type, extension, id);
    ensurePrivateDir(dirname(absPath));
    return { id, type, extension, tempPath: tempPathBeside(absPath) };
  }

  /**
   * Moves a reservation's written (and fsynced) temp file to its final name, then fsyncs the folder so the rename
   * survives a power cut, all off the event loop: call it just before `commitWith`, after the point of no return.
   */
  async placeReserved(reservation: ArtifactReservation): Promise<void> {
    const { absPath } = this.placeOf(reservation.type, reservation.extension, reservation.id);
    await rename(reservation.tempPath, absPath);
    await fsyncDirAsync(dirname(absPath));
  }

  /** Removes what a reservation left when it was not placed (once placed, its temp file is gone). */
  release(reservation: ArtifactReservation): void {
    rmSync(reservation.tempPath, { force: true });
  }

  /** Inserts the staged artifacts' rows; call inside the transaction that links them. */
  insertRows(staged: readonly StagedArtifact[]): void {
    for (const artifact of staged) {
      const { absPath: _absPath, ...row } = artifact;
      insertArtifactRow(this.db, row);
    }
  }

  /**
   * Stages every file, then runs `work` in one IMMEDIATE transaction that also inserts their rows. On any failure the
   * transaction rolls back and every staged file is removed: nothing of the write remains.
   */
  commitWith<T>(artifacts: readonly NewArtifact[], work: (staged: StagedArtifact[]) => T): T {
    const staged: StagedArtifact[] = [];
    try {
      for (const artifact of artifacts) staged.push(this.stage(artifact));
      return this.db
        .transaction(() => {
          this.insertRows(staged);
          return work(staged);
        })
        .immediate();
    } catch (error) {
      for (const artifact of staged) rmSync(artifact.absPath, { force: true });
      throw error;
    }
  }

  find(id: string): ArtifactRow | null {
    return findArtifactRow(this.db, id);
  }

  get(id: string): ArtifactRow {
    const row = this.find(id);
    if (!row) throw new AppError('artifact_not_found', 'No stored file with this id exists in this profile.');
    return row;
  }

  /** The absolute path of an artifact's file, checked to lie inside the profile's artifacts/ (for engines to read). */
  fileOf(id: string): string {
    const path = this.containedPath(this.get(id).relPath);
    if (!existsSync(path)) throw new AppError('artifact_file_missing', 'The stored file is missing from the profile folder.');
    return path;
  }

  /**
   * Adds facts derived from the file to its row's metadata, read and written in one transaction (the file never
   * changes, so they stay true; they go with the row when it is deleted). Returns false when the row is gone.
   */
  addMetadata(id: string, facts: Record<string, unknown>): boolean {
    return this.db.transaction(() => {
      const row = this.find(id);
      return row !== null && updateArtifactMetadata(this.db, id, { ...row.metadata, ...facts });
    }).immediate();
  }

  /** The row of an artifact that must be of one type: `artifact_not_<type>` otherwise (audio, transcript...). */
  getOfType(id: string, type: 'audio' | 'transcript'): ArtifactRow {
    const row = this.get(id);
    if (row.type !== type) {
      throw new AppError(`artifact_not_${type}`, `This stored file is not ${type === 'audio' ? 'an audio recording' : 'a transcript'}.`);
    }
    return row;
  }

  /**
   * The file's bytes, after checking that its path resolves inside the profile folder. A file the sweep set aside
   * (its row had disappeared, e.g. after restoring an older snapshot, and came back with a newer one) is put back.
   */
  read(id: string): { row: ArtifactRow; data: Buffer } {
    const { row, path } = this.locate(id);
    return { row, data: readFileSync(path) };
  }

  /** Like `read`, without reading: the checked path and its size, for a download that streams a part of the file. */
  locate(id: string): { row: ArtifactRow; path: string; bytes: number } {
    const row = this.get(id);
    const path = this.containedPath(row.relPath);
    if (!existsSync(path) && existsSync(this.setAsidePath(row.relPath))) renameSync(this.setAsidePath(row.relPath), path);
    if (!existsSync(path)) throw new AppError('artifact_file_missing', 'The stored file is missing from the profile folder.');
    return { row, path, bytes: statSync(path).size };
  }

  /**
   * Deletes rows in the caller's transaction (`deleteRows`), then their files after it committed (`removeFiles`): a
   * crash in between leaves only files without rows, which the startup sweep removes; never a row without its file.
   */
  deleteRows(ids: readonly string[]): ArtifactRow[] {
    const removed: ArtifactRow[] = [];
    for (const id of ids) {
      const row = this.find(id);
      if (row && deleteArtifactRow(this.db, id)) removed.push(row);
    }
    return removed;
  }

  /**
   * Best effort, after the commit: the rows are already gone, so a file that cannot be removed now is left for the
   * orphan sweep rather than turning a finished delete into an error.
   */
  removeFiles(rows: readonly ArtifactRow[]): void {
    for (const row of rows) {
      try {
        rmSync(this.containedPath(row.relPath), { force: true });
      } catch {
        // left for the sweep
      }
    }
  }

  /**
   * Sets aside files under artifacts/ that have no row and are older than the grace period (a crash between a file
   * and its row, or a database restored to a point before the file): they move to corrupted/orphan-files/, never
   * deleted, and `read` puts one back if its row returns. Returns how many were set aside.
   */
  sweepOrphans(now = Date.now()): number {
    const root = join(this.profileDir, 'artifacts');
    if (!existsSync(root)) return 0;
    const known = listArtifactRelPaths(this.db);
    let removed = 0;
    for (const type of readdirSync(root)) {
      const folder = join(root, type);
      if (!statSync(folder).isDirectory()) continue;
      for (const name of readdirSync(folder)) {
        const relPath = `artifacts/${type}/${name}`;
        const path = join(folder, name);
        if (known.has(relPath) || now - statSync(path).mtimeMs < ORPHAN_GRACE_MS) continue;
        ensurePrivateDir(join(this.profileDir, 'corrupted', 'orphan-files', type));
        renameSync(path, this.setAsidePath(relPath));
        removed += 1;
      }
    }
    return removed;
  }

  private placeOf(type: string, extension: string, id: string): { relPath: string; absPath: string } {
    if (!TYPE.test(type) || !EXTENSION.test(extension)) throw new Error(`Invalid artifact type or extension: ${type}.${extension}`);
    const relPath = `artifacts/${type}/${id}.${extension}`;
    return { relPath, absPath: join(this.profileDir, relPath) };
  }

  /** Rows whose file is gone: counted by diagnostics. */
  countMissingFiles(): number {
    return countRowsWithoutFile(this.db, this.profileDir);
  }

  /** Where the sweep puts a file whose row is gone: `corrupted/orphan-files/<type>/<name>`. */
  private setAsidePath(relPath: string): string {
    return join(this.profileDir, 'corrupted', 'orphan-files', relPath.replace(/^artifacts\//, ''));
  }

  /** Resolves a row's path (following links) and refuses anything that lands outside the profile's artifacts/. */
  private containedPath(relPath: string): string {
    const root = realpathSync(this.profileDir);
    const candidate = join(root, relPath);
    const resolved = existsSync(candidate) ? realpathSync(candidate) : candidate;
    const inside = relative(join(root, 'artifacts'), resolved);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new AppError('artifact_path_not_allowed', 'The stored file lies outside the profile folder and was not touched.');
    }
    return resolved;
  }
}
