import { createHash } from 'node:crypto';
import { REVIEW_FILE_FORMAT, REVIEW_LIMITS, RUBRIC_ITEMS } from '../../contracts/exchange.js';
import type { TranscriptV1 } from '../../contracts/transcript.js';
import { RUBRIC_ID } from './rubric.js';
import { VIEWER_COPY } from './viewer-copy.js';
import { VIEWER_SCRIPT } from './viewer-script.js';

/** Escapes text for HTML so that a talk title can never inject markup into the pack's viewer page. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The CSP allows this one inline script by its hash: nothing else can run, whatever a title or transcript holds.
 * `media-src 'self' file:`: Firefox gives each file:// page an origin of its own, so 'self' alone may not cover the
 * sibling recording there; `file:` only ever names files on the reviewer's own disk.
 */
const SCRIPT_HASH = createHash('sha256').update(VIEWER_SCRIPT, 'utf8').digest('base64');

export interface ViewerInput {
  title: string;
  hasAudio: boolean;
  packId: string;
  projectId: string;
  runId: string;
  durationMs: number | null;
  transcript: TranscriptV1;
  /** The name "Save my review" gives the file. */
  reviewFileName: string;
}

/**
 * The pack's review form, one self-contained page opened from the unzipped pack (file://, no server, no network):
 * the recording (../run/audio.wav) with a timeline to place timed comments, the transcript, the rubric's scores and
 * two free comments; "Save my review" downloads the review file Lectern imports (ReviewFileV1).
 */
export function viewerPage(input: ViewerInput): string {
  const safe = escapeHtml(input.title);
  const timed = input.transcript.segments.some((segment) => segment.tEndMs > 0);
  const data = {
    format: REVIEW_FILE_FORMAT,
    packId: input.packId,
    projectId: input.projectId,
    runId: input.runId,
    rubricId: RUBRIC_ID,
    rubric: RUBRIC_ITEMS,
    limits: REVIEW_LIMITS,
    durationMs: input.durationMs,
    timed,
    segments: input.transcript.segments.map(({ tStartMs, text }) => ({ tStartMs, text })),
    fileName: input.reviewFileName,
    copy: VIEWER_COPY,
  };
  // "<" escaped in the JSON block, so no text in it can close the block or open a tag.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${safe}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; media-src 'self' file:; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'">
<style>${STYLE}</style></head>
<body><main>
<h1>${safe}</h1>
<p data-copy="intro"></p>
<section><h2 data-copy="recording"></h2>
${input.hasAudio ? AUDIO_BLOCK : '<p data-copy="noRecording"></p>'}
</section>
<section><h2 data-copy="transcript"></h2><ol id="transcript"></ol></section>
<section><h2 data-copy="scores"></h2><p class="hint" data-copy="scale"></p><div id="scores"></div></section>
<section><h2 data-copy="freeText"></h2>
<label for="strengths" data-copy="strengths"></label><textarea id="strengths" rows="4"></textarea>
<label for="improvements" data-copy="improvements"></label><textarea id="improvements" rows="4"></textarea>
<label for="name" data-copy="name"></label><input id="name" type="text" autocomplete="name" aria-describedby="name-hint"><p id="name-hint" class="hint" data-copy="nameHint"></p>
</section>
<p><button type="button" id="save" class="primary" data-testid="viewer-save" data-copy="save"></button></p>
<p id="status" role="status" aria-live="polite"></p>
</main>
<script type="application/json" id="lectern-data">${json}</script>
<script>${VIEWER_SCRIPT}</script>
</body></html>
`;
}

const AUDIO_BLOCK = `<audio id="audio" controls preload="metadata" src="../run/audio.wav"></audio>
<button type="button" id="timeline" data-testid="viewer-timeline" aria-describedby="timeline-hint"><span id="markers"></span><span id="playhead"></span><span class="visually-hidden" data-copy="timeline"></span></button>
<p id="timeline-hint" class="hint" data-copy="timelineHint"></p>
<p><button type="button" id="comment-now" data-copy="commentNow"></button></p>
<h3 data-copy="comments"></h3>
<p id="no-comments" data-copy="noComments"></p>
<ol id="comments"></ol>`;

const STYLE = `
:root{color-scheme:light dark;--accent:#2f5fb3;--border:#8884;--muted:#666}
@media (prefers-color-scheme:dark){:root{--accent:#8fb3ff;--muted:#aaa}}
body{font:16px/1.5 system-ui,sans-serif;margin:0}
main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}
section{border-top:1px solid var(--border);margin-top:1rem;padding-top:.5rem}
audio{width:100%}
#timeline{position:relative;display:block;width:100%;height:2.5rem;margin:.5rem 0;padding:0;border:1px solid var(--border);border-radius:6px;background:linear-gradient(90deg,#8882,#8881);cursor:crosshair}
.marker,#playhead{position:absolute;top:0;bottom:0;width:3px;margin-left:-1px}
.marker{background:#d2691e}
#playhead{background:var(--accent);left:0}
.hint{color:var(--muted);font-size:.9rem;margin:.2rem 0}
ol{padding-left:0;list-style:none}
#transcript li,#comments li{padding:.3rem 0;border-bottom:1px solid var(--border)}
#comments li{display:grid;gap:.3rem}
#comments li button{justify-self:start}
.time{font-variant-numeric:tabular-nums;margin-right:.6rem;min-width:3rem}
fieldset{border:1px solid var(--border);border-radius:6px;margin:.5rem 0}
.score{display:inline-block;margin-right:1rem;padding:.3rem 0}
label{display:block;margin-top:.6rem;font-weight:600}
.score{font-weight:400}
textarea,input[type=text]{width:100%;box-sizing:border-box;font:inherit;padding:.4rem}
button{font:inherit;padding:.4rem .8rem}
.primary{background:var(--accent);color:#fff;border:0;border-radius:6px;font-weight:700}
@media (prefers-color-scheme:dark){.primary{color:#111}}
.error{color:#c0392b;font-weight:600}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
`;
