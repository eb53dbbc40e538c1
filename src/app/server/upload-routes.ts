import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvokeOutcome } from '../../commands/index.js';
import { AppError } from '../../kernel/errors.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { UPLOAD_MAX_BYTES, UploadStaging, uploadTooLarge } from '../../platform/uploads/upload-staging.js';
import { readyForBody, refuseDeclaredOversize, whenClientLeft } from './request-body.js';

/**
 * The two upload doors: binary transport only. A declared size over the cap is refused before a byte is read; a body
 * cut short is an aborted upload; what the upload is for (importing a recording, inspecting a pack) is a command of
 * the registry, and whatever was staged is gone before the answer leaves, kept or refused.
 */
export interface UploadContext {
  store: DataStore;
  staging: UploadStaging;
  maxBytes?: number | undefined;
}

/** `POST /api/upload/pack` (and `/api/upload/audio?stage=1`): stages the body and answers its upload id (pack_inspect, peer_review_import and run_record take it). */
export async function stageUpload(context: UploadContext, request: IncomingMessage, response: ServerResponse): Promise<{ uploadId: string }> {
  return { uploadId: await stageBody(context, request, response) };
}

/**
 * `POST /api/upload/audio?profileId=`: the transport of the `audio_import` command. The body is staged (size cap,
 * aborted uploads), then the command runs through the registry like any other (payload validation, the profile
 * check, error codes, the result's contract); the staged upload is discarded whatever the outcome, before the answer.
 * With `&stage=1` the server only stages the recording (as a pack is staged) and answers its upload id, for
 * `run_record`, which imports it and makes the run in one command.
 */
export async function uploadAudio(
  context: UploadContext,
  request: IncomingMessage,
  response: ServerResponse,
  importStaged: (payload: { profileId: string; uploadId: string }) => Promise<InvokeOutcome>,
  profileId: string,
): Promise<InvokeOutcome> {
  const uploadId = await stageBody(context, request, response);
  try {
    return await importStaged({ profileId, uploadId });
  } finally {
    await context.staging.discardInBackground(uploadId);
  }
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
