/** Where a stored file (a recording, a pack) can be fetched from, e.g. as an <audio> source. */
export function downloadUrl(artifactId: string, profileId: string): string {
  return `/api/download/${encodeURIComponent(artifactId)}?profileId=${encodeURIComponent(profileId)}`;
}
