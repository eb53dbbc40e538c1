import { readEnvelope, send } from './api-error';

/** Where a stored file (a recording, a pack) can be fetched from, e.g. as an <audio> source. */
export function downloadUrl(artifactId: string, profileId: string): string {
  return `/api/download/${encodeURIComponent(artifactId)}?profileId=${encodeURIComponent(profileId)}`;
}

/** A stored file's bytes; a refusal (`artifact_not_found`, ...) is thrown as an ApiError like any command's. */
export async function fetchStoredFile(artifactId: string, profileId: string): Promise<Blob> {
  const response = await send(downloadUrl(artifactId, profileId), { method: 'GET' });
  if (!response.ok) await readEnvelope<never>(response);
  return response.blob();
}
