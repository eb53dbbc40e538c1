import { createHash } from 'node:crypto';
import { PeerReviewV1Schema, RUBRIC_ITEMS, type PeerReviewV1 } from '../../contracts/exchange.js';
import { AppError } from '../../kernel/errors.js';
import { clampLimit } from '../../kernel/list-limit.js';
import { newId } from '../../kernel/ids.js';
import { parseJsonOrNull } from '../../kernel/json.js';
import { nowUtc } from '../../kernel/time.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { UploadStaging } from '../../platform/uploads/upload-staging.js';
import { writeZip, type ZipEntryInput } from '../../platform/zip/zip-writer.js';
import * as runs from '../run/index.js';
import * as talk from '../talk/index.js';
import { lastTimeMs, readTranscript } from '../transcript/index.js';
import type { ProfileSession } from '../workspace/index.js';
import { PACK_SCHEMA_VERSION, type PackManifest } from './pack-manifest.js';
import { readPack, type PackContents } from './read-pack.js';
import { looksLikeZip, readReviewFile } from './read-review-file.js';
import * as repo from './repo.js';
import { reviewTemplate, RUBRIC } from './rubric.js';
import {
  PEER_REVIEW_LIST_DEFAULT,
  PEER_REVIEW_LIST_MAX,
  type PackInspection,
  type PackRole,
  type PeerReviewImportResult,
  type PeerReviewSummary,
} from './types.js';
import { viewerPage } from './viewer-page.js';

export type * from './types.js';

interface PackEntry {
  path: string;
  role: PackRole;
  mime: string;
  data: Buffer;
  compress: boolean;
}

/**
 * A run as a pack for a peer: its recording (when it has one), transcript and outline, the rubric, a blank review and
 * a small viewer page, then the manifest. Stored as a `pack` artifact whose id is the pack id; nothing else changes.
 */
export function exportPack(session: ProfileSession, runId: string, appVersion: string) {
  const db = session.db;
  const artifacts = session.artifacts;
  const run = runs.existingRun(db, runId);
  if (!run.transcriptId) throw new AppError('run_missing_transcript', 'This run has no transcript yet: transcribe or type it first.');
  const project = talk.existingProject(db, run.projectId);
  const transcript = readTranscript(artifacts, run.transcriptId);
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const packId = newId('pack');
  const baseName = talk.outlineFileName(project.title, project.talkNumber).replace(/\.md$/, '');
  const durationMs = transcript.durationMs ?? lastTimeMs(transcript);
  const viewer = {
    title: project.title,
    hasAudio: Boolean(run.audioArtifactId),
    packId,
    projectId: project.id,
    runId: run.id,
    durationMs,
    transcript,
    reviewFileName: `lectern-review-${baseName}.json`,
  };
  const entries: PackEntry[] = [
    ...(run.audioArtifactId
      ? [{ path: 'run/audio.wav', role: 'audio' as const, mime: 'audio/wav', data: artifacts.read(run.audioArtifactId).data, compress: false }]
      : []),
    { path: 'run/transcript.json', role: 'transcript', mime: 'application/json', data: json(transcript), compress: true },
    { path: 'run/outline.md', role: 'outline', mime: 'text/markdown', data: Buffer.from(talk.getOutline(session, project.id).markdown, 'utf8'), compress: true },
    { path: 'rubric/rubric.json', role: 'rubric', mime: 'application/json', data: json(RUBRIC), compress: true },
    { path: 'review/review_template.json', role: 'review_template', mime: 'application/json', data: json(reviewTemplate()), compress: true },
    { path: 'viewer/index.html', role: 'viewer', mime: 'text/html', data: Buffer.from(viewerPage(viewer), 'utf8'), compress: true },
  ];
  const manifest: PackManifest = {
    schema_version: PACK_SCHEMA_VERSION,
    pack_id: packId,
    created_at: nowUtc(session.clock),
    app_version: appVersion,
    project_id: project.id,
    project_title: project.title,
    run: { run_id: run.id, duration_ms: durationMs },
    files: entries.map((entry) => ({ path: entry.path, role: entry.role, sha256: sha256(entry.data), bytes: entry.data.length, mime: entry.mime })),
  };
  const zip = writeZip([...entries.map(toZipEntry), { name: 'manifest.json', data: json(manifest), compress: true }]);
  artifacts.commitWith([{ id: packId, type: 'pack', extension: 'zip', data: zip, metadata: { runId, projectId: project.id } }], () => undefined);
  return { packId, artifactId: packId, fileName: `lectern-pack-${baseName}.zip`, bytes: zip.length };
}

/** What an uploaded pack holds, after full validation; nothing is written. */
export function inspectPack(session: ProfileSession, uploadId: string): PackInspection {
  const db = session.db;
  const bytes = new UploadStaging(session.store.layout.root).read(uploadId);
  const pack = readPack(bytes);
  const original = runs.findRun(db, pack.manifest.run.run_id);
  return {
    packId: pack.manifest.pack_id,
    schemaVersion: pack.manifest.schema_version,
    createdAt: pack.manifest.created_at,
    appVersion: pack.manifest.app_version,
    projectTitle: pack.manifest.project_title ?? 'Untitled talk',
    runId: pack.manifest.run.run_id,
    durationMs: pack.manifest.run.duration_ms,
    reviewerTag: pack.review.reviewer_tag,
    hasReview: pack.hasReview,
    attachesToRun: original !== null && original.projectId === pack.manifest.project_id,
    fileBytes: bytes.length,
    files: pack.manifest.files.map((file) => ({ role: file.role, path: file.path, bytes: file.bytes, mime: file.mime })),
  };
}

/**
 * Imports a peer review, from a reviewed pack (zip) or from the viewer's review file (JSON), after validating all of it.
 * - The same review (same pack, same content) imported before: nothing changes, `already_imported`.
 * - The pack's run exists in this profile, in the pack's talk: the review is attached to it, `attached`.
 * - Otherwise a pack becomes a new talk (stage peer_review) with its outline and one run carrying the recording and
 *   transcript, `new_talk`; a review file alone carries no recording to make one from: `review_run_unknown`.
 * Files are staged, then every row is written in one transaction; on any failure no row and no file remain. The
 * uploaded file is discarded after a successful import.
 */
export function importPeerReview(session: ProfileSession, uploadId: string): PeerReviewImportResult {
  const db = session.db;
  const staging = new UploadStaging(session.store.layout.root);
  const incoming = readIncomingReview(staging.read(uploadId));
  const digest = reviewDigest(incoming.packId, incoming.review);
  const already = repo.findPeerReviewByDigest(db, digest);
  const original = runs.findRun(db, incoming.runId);
  let result: PeerReviewImportResult;
  if (already) {
    result = { peerReviewId: already.id, projectId: already.projectId, runId: already.runId, outcome: 'already_imported' };
  } else if (original && original.projectId === incoming.projectId) {
    result = attachToRun(session, incoming, digest, original.id, original.projectId);
  } else if (incoming.pack) {
    result = importAsNewTalk(session, incoming.pack, digest);
  } else {
    throw new AppError('review_run_unknown', 'This review is about a take that is not in this profile: import the reviewed pack instead.');
  }
  staging.discard(uploadId);
  return result;
}

interface IncomingReview {
  packId: string;
  projectId: string;
  runId: string;
  review: PeerReviewV1;
  /** The whole pack when the review came in one; null for a review file. */
  pack: PackContents | null;
}

function readIncomingReview(bytes: Buffer): IncomingReview {
  if (looksLikeZip(bytes)) {
    const pack = readPack(bytes);
    const { manifest } = pack;
    return { packId: manifest.pack_id, projectId: manifest.project_id, runId: manifest.run.run_id, review: pack.review, pack };
  }
  const file = readReviewFile(bytes);
  return { packId: file.pack_id, projectId: file.project_id, runId: file.run_id, review: file.review, pack: null };
}

/**
 * What makes two imports the same review: the pack it answers and its content, with the scores in rubric order so
 * that key order in the file does not matter. A pack and the viewer's file holding the same review agree.
 */
function reviewDigest(packId: string, review: PeerReviewV1): string {
  const scores = Object.fromEntries(RUBRIC_ITEMS.map((item) => [item, review.scores[item]]));
  return sha256(Buffer.from(JSON.stringify({ packId, review: { ...review, scores } }), 'utf8'));
}

function attachToRun(session: ProfileSession, incoming: IncomingReview, digest: string, runId: string, projectId: string): PeerReviewImportResult {
  const db = session.db;
  const source = { source: 'peer_review_import', packId: incoming.packId };
  const peerReviewId = newId('peer');
  const data = Buffer.from(JSON.stringify(incoming.review), 'utf8');
  session.artifacts.commitWith([{ type: 'peer_review', extension: 'json', data, metadata: source }], ([review]) => {
    repo.insertPeerReview(db, { id: peerReviewId, runId, createdAt: nowUtc(), reviewerTag: incoming.review.reviewer_tag, artifactId: review!.id, digest });
  });
  return { peerReviewId, projectId, runId, outcome: 'attached' };
}

function importAsNewTalk(session: ProfileSession, pack: PackContents, digest: string): PeerReviewImportResult {
  const db = session.db;
  const source = { source: 'peer_review_import', packId: pack.manifest.pack_id };
  const audio = pack.files.get('audio');
  const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
  const staged = [
    { type: 'transcript', extension: 'json', data: json(pack.transcript), metadata: source },
    { type: 'peer_review', extension: 'json', data: json(pack.review), metadata: source },
    ...(audio ? [{ type: 'audio', extension: 'wav', data: audio.data, metadata: source }] : []),
  ];
  const now = nowUtc(session.clock);
  const ids = { projectId: newId('proj'), runId: newId('run'), peerReviewId: newId('peer') };
  session.artifacts.commitWith(staged, ([transcript, review, recording]) => {
    talk.insertProject(db, {
      id: ids.projectId,
      title: `Peer review: ${pack.manifest.project_title ?? pack.manifest.pack_id}`.slice(0, 120),
      audience: null,
      goal: null,
      durationTargetSec: null,
      talkNumber: talk.nextTalkNumber(db),
      stage: 'peer_review',
      isTraining: false,
      createdAt: now,
      updatedAt: now,
    });
    talk.upsertOutline(db, ids.projectId, pack.outline, now);
    // The import time, not the pack's claimed date: a pack from "2099" must not hide practice due dates.
    runs.insertRun(db, { id: ids.runId, projectId: ids.projectId, createdAt: now });
    runs.setRunTranscript(db, ids.runId, transcript!.id);
    if (recording) runs.setRunAudio(db, ids.runId, recording.id);
    repo.insertPeerReview(db, { id: ids.peerReviewId, runId: ids.runId, createdAt: now, reviewerTag: pack.review.reviewer_tag, artifactId: review!.id, digest });
  });
  return { ...ids, outcome: 'new_talk' };
}

/** A talk's peer reviews, or one of its runs' when `runId` is given (a run of another talk lists none). */
export function listPeerReviews(session: ProfileSession, projectId: string, limit?: number, runId?: string): PeerReviewSummary[] {
  const db = session.db;
  talk.existingProject(db, projectId);
  const clamped = clampLimit(limit, PEER_REVIEW_LIST_DEFAULT, PEER_REVIEW_LIST_MAX);
  const rows = runId === undefined ? repo.listPeerReviews(db, projectId, clamped) : repo.listPeerReviewsOfRun(db, projectId, runId, clamped);
  return rows.map(({ artifactId: _artifactId, ...summary }) => summary);
}

export function getPeerReview(session: ProfileSession, peerReviewId: string): PeerReviewSummary & { content: PeerReviewV1 } {
  const db = session.db;
  const row = repo.findPeerReview(db, peerReviewId);
  if (!row) throw new AppError('peer_review_not_found', 'No peer review with this id exists in this profile.');
  const parsed = PeerReviewV1Schema.safeParse(parseJsonOrNull(session.artifacts.read(row.artifactId).data.toString('utf8')));
  if (!parsed.success) throw new AppError('pack_review_invalid', 'The stored peer review cannot be read.');
  const { artifactId: _artifactId, ...summary } = row;
  return { ...summary, content: parsed.data };
}

/** Stages an uploaded file (from the CLI or, later, the server) and returns its id for pack_inspect and import. */
export function stageUpload(store: DataStore, data: Buffer): string {
  return new UploadStaging(store.layout.root).stage(data);
}

function toZipEntry(entry: PackEntry): ZipEntryInput {
  return { name: entry.path, data: entry.data, compress: entry.compress };
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

