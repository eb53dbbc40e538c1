import type { IncomingMessage, ServerResponse } from 'node:http';
import { importAudio, type ImportedAudio } from '../../core/audio/index.js';
import { assertProfileExists } from '../../core/workspace/index.js';
import { AppError } from '../../kernel/errors.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { UPLOAD_MAX_BYTES, UploadStaging, uploadTooLarge } from '../../platform/uploads/upload-staging.js';
import { readyForBody, refuseDeclaredOversize, whenClientLeft } from './request-body.js';

/**
 * The two upload doors. Each refusal happens in one place per route, as early as it can: what the headers and the
 * query already tell (no such profile, a declared size over the cap) is refused before a byte is read; a body cut
 * short is an aborted upload; and whatever was staged is gone before the answer leaves, kept or refused.
 */
export interface UploadContext {
  store: DataStore;
  staging: UploadStaging;
  maxBytes?: number | undefined;
}

/** `POST /api/upload/pack`: stages a pack and answers its upload id (pack_inspect and peer_review_import take it). */
export async function uploadPack(context: UploadContext, request: IncomingMessage, response: ServerResponse): Promise<{ uploadId: string }> {
  return { uploadId: await stageBody(context, request, response) };
}

/**
 * `POST /api/upload/audio?profileId=`: stages a recording, imports it (converted and measured off the event loop),
 * and answers what was stored. The staged upload is discarded whatever happens. With `&stage=1` it only stages the
 * recording and answers its upload id, for `run_record` (which imports it and makes the run in one command).
 */
export async function uploadAudio(
  context: UploadContext,
  request: IncomingMessage,
  response: ServerResponse,
  profileId: string,
  stageOnly = false,
): Promise<ImportedAudio | { uploadId: string }> {
  assertProfileExists(context.store, profileId);
  const uploadId = await stageBody(context, request, response);
  if (stageOnly) return { uploadId };
  // importAudio discards the staged upload whatever happens (the audio_import command relies on that too).
  return importAudio(context.store, profileId, uploadId);
}

async function stageBody(context: UploadContext, request: IncomingMessage, response: ServerResponse): Promise<string> {
  const maxBytes = context.maxBytes ?? UPLOAD_MAX_BYTES;
  refuseDeclaredOversize(request, maxBytes, () => uploadTooLarge(maxBytes));
  readyForBody(request, response);
  try {
    return await context.staging.stageStream(request, maxBytes);
  } catch (error) {
    throw whenClientLeft(request, error, uploadAborted);
  }
}

const uploadAborted = () => new AppError('upload_aborted', 'The upload stopped before its end (the page was closed or the connection cut); nothing was kept.');
