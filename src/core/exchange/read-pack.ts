import { createHash } from 'node:crypto';
import { PeerReviewV1Schema, type PeerReviewV1 } from '../../contracts/exchange.js';
import { TranscriptV1Schema, type TranscriptV1 } from '../../contracts/transcript.js';
import { AppError } from '../../kernel/errors.js';
import { parseJsonOrNull } from '../../kernel/json.js';
import { readZipSafely } from '../../platform/zip/zip-reader.js';
import { PackManifestSchema, REQUIRED_ROLES, REVIEW_PATH, type PackManifest } from './pack-manifest.js';
import type { PackRole } from './types.js';

export interface PackFile {
  path: string;
  data: Buffer;
  mime: string;
}

export interface PackContents {
  manifest: PackManifest;
  files: Map<PackRole, PackFile>;
  transcript: TranscriptV1;
  outline: string;
  /** The reviewer's review/review.json when present, else the untouched template. */
  review: PeerReviewV1;
  hasReview: boolean;
}

/**
 * Reads an uploaded pack and checks all of it before anything is written: the zip itself (names, links, sizes counted
 * while inflating: platform/zip), the manifest, every listed file's size and sha256, no unlisted entry but the review,
 * and the content of the transcript, outline and review. Any failure throws with a stable code.
 */
export function readPack(bytes: Buffer): PackContents {
  const entries = new Map(readZipSafely(bytes).entries.map((entry) => [entry.name, entry.data]));
  const manifest = parseManifest(entries.get('manifest.json'));
  const files = new Map<PackRole, PackFile>();
  for (const listed of manifest.files) {
    if (files.has(listed.role)) throw new AppError('pack_manifest_invalid', `The pack's manifest lists the ${listed.role} twice.`);
    const data = entries.get(listed.path);
    if (!data) throw new AppError('pack_role_missing', `The pack lists a ${listed.role} file that is not in it.`);
    if (data.length !== listed.bytes || createHash('sha256').update(data).digest('hex') !== listed.sha256) {
      throw new AppError('pack_file_mismatch', `The pack's ${listed.role} file does not match its manifest (size or checksum).`);
    }
    files.set(listed.role, { path: listed.path, data, mime: listed.mime });
  }
  for (const role of REQUIRED_ROLES) {
    if (!files.has(role)) throw new AppError('pack_role_missing', `The pack has no ${role} file.`);
  }
  const listedPaths = new Set(manifest.files.map((file) => file.path));
  for (const name of entries.keys()) {
    if (name !== 'manifest.json' && name !== REVIEW_PATH && !listedPaths.has(name)) {
      throw new AppError('pack_unexpected_entry', 'The pack holds a file its manifest does not list.');
    }
  }
  const reviewData = entries.get(REVIEW_PATH);
  return {
    manifest,
    files,
    transcript: parseTranscript(files.get('transcript')!.data),
    outline: decodeUtf8(files.get('outline')!.data),
    review: parseReview(reviewData ?? files.get('review_template')!.data),
    hasReview: reviewData !== undefined,
  };
}

function parseManifest(data: Buffer | undefined): PackManifest {
  if (!data) throw new AppError('pack_manifest_missing', 'The file is a zip but not a Lectern pack (no manifest).');
  const parsed = PackManifestSchema.safeParse(parseJsonOrNull(data.toString('utf8')));
  if (!parsed.success) throw new AppError('pack_manifest_invalid', 'The pack’s manifest is not one this Lectern can read.');
  return parsed.data;
}

function parseTranscript(data: Buffer): TranscriptV1 {
  const parsed = TranscriptV1Schema.safeParse(parseJsonOrNull(data.toString('utf8')));
  if (!parsed.success) throw new AppError('pack_content_invalid', 'The pack’s transcript is not a valid transcript.');
  return parsed.data;
}

function parseReview(data: Buffer): PeerReviewV1 {
  const parsed = PeerReviewV1Schema.safeParse(parseJsonOrNull(data.toString('utf8')));
  if (!parsed.success) throw new AppError('pack_review_invalid', 'The review in the pack is not filled in correctly (scores 1 to 5).');
  return parsed.data;
}

function decodeUtf8(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new AppError('pack_content_invalid', 'The pack’s outline is not UTF-8 text.');
  }
}

