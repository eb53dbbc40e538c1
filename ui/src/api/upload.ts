import { UPLOAD_MAX_BYTES } from '../../../src/contracts/upload-limits.js';
import { ApiError, readEnvelope, send } from './api-error';
import type { PackUpload } from './types/exchange';
import type { AudioImportResult } from './types/transcription';

/** Sends a WAV recording's raw bytes; the server stages, converts and measures it, and answers with the stored audio. */
export async function uploadAudio(profileId: string, wav: Blob): Promise<AudioImportResult> {
  const response = await send(`/api/upload/audio?profileId=${encodeURIComponent(profileId)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'audio/wav' },
    body: wav,
  });
  return readEnvelope<AudioImportResult>(response);
}

/** Sends a WAV recording's raw bytes to be staged only; `run_record` then makes the run of it in one command. */
export async function stageAudio(profileId: string, wav: Blob): Promise<{ uploadId: string }> {
  if (wav.size > UPLOAD_MAX_BYTES) throw new ApiError('upload_too_large', `The file is larger than ${UPLOAD_MAX_BYTES / (1024 * 1024)} MiB.`);
  const response = await send(`/api/upload/audio?profileId=${encodeURIComponent(profileId)}&stage=1`, {
    method: 'POST',
    headers: { 'Content-Type': 'audio/wav' },
    body: wav,
  });
  return readEnvelope<{ uploadId: string }>(response);
}

/** The server's cap on one upload: a larger file is refused here, before any byte is sent. */
export { UPLOAD_MAX_BYTES };

/** Sends a pack's raw zip bytes; the server only stages them and answers with the id `pack_inspect` and import take. */
export async function uploadPack(zip: Blob): Promise<PackUpload> {
  if (zip.size > UPLOAD_MAX_BYTES) throw new ApiError('upload_too_large', `The file is larger than ${UPLOAD_MAX_BYTES / (1024 * 1024)} MiB.`);
  const response = await send('/api/upload/pack', {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip' },
    body: zip,
  });
  return readEnvelope<PackUpload>(response);
}
