import { createHash } from 'node:crypto';
import { PeerReviewV1Schema, type PeerReviewV1 } from '../../contracts/exchange.js';
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
import { profileArtifacts, profileDatabase } from '../workspace/index.js';
import { PACK_SCHEMA_VERSION, type PackManifest } from './pack-manifest.js';
import { readPack } from './read-pack.js';
import * as repo from './repo.js';
import { reviewTemplate, RUBRIC } from './rubric.js';
import {
  PEER_REVIEW_LIST_DEFAULT,
  PEER_REVIEW_LIST_MAX,
  type PackInspection,
  type PackRole,
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
export function exportPack(store: DataStore, profileId: string, runId: string, appVersion: string) {
  const db = profileDatabase(store, profileId);
  const artifacts = profileArtifacts(store, profileId);
  const run = runs.existingRun(db, runId);
  if (!run.transcriptId) throw new AppError('run_missing_transcript', 'This run has no transcript yet: transcribe or type it first.');
  const project = talk.existingProject(db, run.projectId);
  const transcript = readTranscript(artifacts, run.transcriptId);
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const entries: PackEntry[] = [
    ...(run.audioArtifactId
      ? [{ path: 'run/audio.wav', role: 'audio' as const, mime: 'audio/wav', data: artifacts.read(run.audioArtifactId).data, compress: false }]
      : []),
    { path: 'run/transcript.json', role: 'transcript', mime: 'application/json', data: json(transcript), compress: true },
    { path: 'run/outline.md', role: 'outline', mime: 'text/markdown', data: Buffer.from(talk.getOutline(store, profileId, project.id).markdown, 'utf8'), compress: true },
    { path: 'rubric/rubric.json', role: 'rubric', mime: 'application/json', data: json(RUBRIC), compress: true },
    { path: 'review/review_template.json', role: 'review_template', mime: 'application/json', data: json(reviewTemplate()), compress: true },
    { path: 'viewer/index.html', role: 'viewer', mime: 'text/html', data: Buffer.from(viewerPage(project.title, Boolean(run.audioArtifactId)), 'utf8'), compress: true },
  ];
  const packId = newId('pack');
  const manifest: PackManifest = {
    schema_version: PACK_SCHEMA_VERSION,
    pack_id: packId,
    created_at: nowUtc(store.clock),
    app_version: appVersion,
    project_id: project.id,
    project_title: project.title,
    run: { run_id: run.id, duration_ms: transcript.durationMs ?? lastTimeMs(transcript) },
    files: entries.map((entry) => ({ path: entry.path, role: entry.role, sha256: sha256(entry.data), bytes: entry.data.length, mime: entry.mime })),
  };
  const zip = writeZip([...entries.map(toZipEntry), { name: 'manifest.json', data: json(manifest), compress: true }]);
  artifacts.commitWith([{ id: packId, type: 'pack', extension: 'zip', data: zip, metadata: { runId, projectId: project.id } }], () => undefined);
  return { packId, artifactId: packId, fileName: `lectern-pack-${talk.outlineFileName(project.title, project.talkNumber).replace(/\.md$/, '')}.zip`, bytes: zip.length };
}

/** What an uploaded pack holds, after full validation; nothing is written. */
export function inspectPack(store: DataStore, profileId: string, uploadId: string): PackInspection {
  profileDatabase(store, profileId);
  const bytes = new UploadStaging(store.layout.root).read(uploadId);
  const pack = readPack(bytes);
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
    fileBytes: bytes.length,
    files: pack.manifest.files.map((file) => ({ role: file.role, path: file.path, bytes: file.bytes, mime: file.mime })),
  };
}

/**
 * Imports a reviewed pack as a new talk (stage peer_review) with its outline, one run carrying the recording and
 * transcript, and the peer review. Everything is validated first; files are staged, then every row is written in one
 * transaction; on any failure no row and no file remain. The uploaded file is discarded after a successful import.
 */
export function importPeerReview(store: DataStore, profileId: string, uploadId: string) {
  const db = profileDatabase(store, profileId);
  const artifacts = profileArtifacts(store, profileId);
  const staging = new UploadStaging(store.layout.root);
  const pack = readPack(staging.read(uploadId));
  const source = { source: 'peer_review_import', packId: pack.manifest.pack_id };
  const audio = pack.files.get('audio');
  const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
  const staged = [
    { type: 'transcript', extension: 'json', data: json(pack.transcript), metadata: source },
    { type: 'peer_review', extension: 'json', data: json(pack.review), metadata: source },
    ...(audio ? [{ type: 'audio', extension: 'wav', data: audio.data, metadata: source }] : []),
  ];
  const now = nowUtc(store.clock);
  const ids = { projectId: newId('proj'), runId: newId('run'), peerReviewId: newId('peer') };
  artifacts.commitWith(staged, ([transcript, review, recording]) => {
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
    repo.insertPeerReview(db, { id: ids.peerReviewId, runId: ids.runId, createdAt: now, reviewerTag: pack.review.reviewer_tag, artifactId: review!.id });
  });
  staging.discard(uploadId);
  return ids;
}

export function listPeerReviews(store: DataStore, profileId: string, projectId: string, limit?: number): PeerReviewSummary[] {
  const db = profileDatabase(store, profileId);
  talk.existingProject(db, projectId);
  const clamped = clampLimit(limit, PEER_REVIEW_LIST_DEFAULT, PEER_REVIEW_LIST_MAX);
  return repo.listPeerReviews(db, projectId, clamped).map(({ artifactId: _artifactId, ...summary }) => summary);
}

export function getPeerReview(store: DataStore, profileId: string, peerReviewId: string): PeerReviewSummary & { content: PeerReviewV1 } {
  const db = profileDatabase(store, profileId);
  const row = repo.findPeerReview(db, peerReviewId);
  if (!row) throw new AppError('peer_review_not_found', 'No peer review with this id exists in this profile.');
  const parsed = PeerReviewV1Schema.safeParse(parseJsonOrNull(profileArtifacts(store, profileId).read(row.artifactId).data.toString('utf8')));
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

