import type { ErrorPayload } from '../../kernel/errors.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BASE_HEADERS, noteErrorCode, sendError } from './http-responses.js';

/**
 * What a browser sees when it opens a launch link that was already used (or is wrong): a page in words, in English
 * and French (no language is known before a session), saying how to get a new link, instead of raw JSON. A program
 * that does not ask for HTML still gets the JSON error. Nothing in it comes from the request.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Open Lectern again · Lectern</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:3rem auto;padding:0 1rem}h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem}</style>
</head>
<body>
<main>
<h1>This link was already used</h1>
<p>Each link that opens Lectern works once, to keep your rehearsals private. Your talks and runs are safe.</p>
<p>To open Lectern again, run <code>lectern start</code> in a terminal (or start Lectern the way you did before):
it opens a new window with a fresh link.</p>
<h2 lang="fr">Ce lien a déjà servi</h2>
<p lang="fr">Chaque lien qui ouvre Lectern ne sert qu’une fois, pour garder vos répétitions privées. Vos présentations et
répétitions sont intactes.</p>
<p lang="fr">Pour rouvrir Lectern, lancez <code>lectern start</code> dans un terminal (ou démarrez Lectern comme la
dernière fois) : une nouvelle fenêtre s’ouvre avec un nouveau lien.</p>
</main>
</body>
</html>
`;

// The page's only style is its own inline sheet; it carries nothing from the request, so inline style is safe here.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function answerUsedLaunchLink(request: IncomingMessage, response: ServerResponse): void {
  const error: ErrorPayload = { code: 'launch_token_invalid', message: 'This launch link was already used or is wrong; restart Lectern for a new one.' };
  if (!String(request.headers.accept ?? '').includes('text/html')) return sendError(response, 403, error);
  noteErrorCode(response, error.code);
  const body = Buffer.from(PAGE, 'utf8');
  response.writeHead(403, {
    ...BASE_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store',
    'Content-Length': body.length,
  });
  response.end(body);
}
