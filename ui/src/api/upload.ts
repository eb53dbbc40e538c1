import { readEnvelope, send } from './api-error';
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
