/** How long a download's object URL is kept: the browser has started reading it long before. */
const REVOKE_AFTER_MS = 60_000;

/** Offers bytes as a file download under the given name (the page chooses the name, not the server's headers). */
export function saveBlobFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** Offers text as a file download (no server round trip: the command already returned the content). */
export function saveTextFile(fileName: string, content: string, mimeType: string): void {
  saveBlobFile(fileName, new Blob([content], { type: mimeType }));
}
