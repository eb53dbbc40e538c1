/**
 * Lectern's HTTP answers as the UI's modules see them through `fetch`: a test lists what each command or upload
 * answers, and reads back every request the module sent, in order. Only the network is replaced; the modules' own
 * code (invoke, readEnvelope, uploadAudio) runs as in the browser.
 */
export interface SentRequest {
  /** `job_get` for `/api/invoke/job_get`, `upload/audio` for `/api/upload/audio?...`. */
  route: string;
  url: string;
  body: unknown;
}

/** What one request gets back: a result, a coded error, or a network failure. */
export type Answer = { result: unknown } | { error: { code: string; message: string }; status?: number } | 'network_down';

type Responder = (request: SentRequest) => Answer;

export interface FakeLectern {
  sent: SentRequest[];
  /** The routes sent, in order: what a test usually compares. */
  routes(): string[];
  restore(): void;
}

function routeOf(url: string): string {
  const path = url.split('?')[0] ?? url;
  return path.startsWith('/api/invoke/') ? decodeURIComponent(path.slice('/api/invoke/'.length)) : path.replace(/^\/api\//, '');
}

async function bodyOf(init: RequestInit | undefined): Promise<unknown> {
  const body = init?.body;
  if (typeof body === 'string') return JSON.parse(body) as unknown;
  if (body instanceof Blob) return { bytes: body.size, type: body.type };
  return undefined;
}

/** Replaces `fetch` until `restore()`; a route with no responder answers 404 `{ error }` (a test mistake shows). */
export function fakeLectern(responders: Record<string, Responder | Answer>): FakeLectern {
  const original = globalThis.fetch;
  const sent: SentRequest[] = [];
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const request: SentRequest = { route: routeOf(url), url, body: await bodyOf(init) };
    sent.push(request);
    const responder = responders[request.route];
    const answer: Answer =
      responder === undefined
        ? { error: { code: 'test_unexpected_route', message: `No answer for ${request.route}.` }, status: 404 }
        : typeof responder === 'function'
          ? responder(request)
          : responder;
    if (answer === 'network_down') throw new TypeError('fetch failed');
    const status = 'error' in answer ? (answer.status ?? 400) : 200;
    return new Response(JSON.stringify(answer), { status, headers: { 'Content-Type': 'application/json' } });
  };
  return {
    sent,
    routes: () => sent.map((request) => request.route),
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
