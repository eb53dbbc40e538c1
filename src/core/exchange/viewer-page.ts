/** Escapes text for HTML so that a talk title can never inject markup into the pack's viewer page. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A small self-contained page for the reviewer: what is in the pack and how to send a review back. */
export function viewerPage(title: string, hasAudio: boolean): string {
  const safe = escapeHtml(title);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${safe}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; media-src 'self'; style-src 'unsafe-inline'">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style></head>
<body><h1>${safe}</h1>
${hasAudio ? '<p><audio controls src="../run/audio.wav"></audio></p>' : '<p>This rehearsal has no recording; read the transcript.</p>'}
<p>Read <code>run/transcript.json</code> and <code>run/outline.md</code>, then copy <code>review/review_template.json</code>
to <code>review/review.json</code>, fill in the scores (1 to 5) and comments, and send the pack back.</p>
</body></html>
`;
}
