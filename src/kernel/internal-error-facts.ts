/**
 * What the log may say about an unexpected failure (an `internal_error` to the client): the error's class, its system
 * or library code (`EEXIST`, `SQLITE_IOERR_WRITE`, `ERR_STRING_TOO_LONG`) and where in Lectern's code it was thrown,
 * as repository-relative source locations. Never its message, which may hold a path, SQL or the user's content, and
 * never an absolute path (the install folder is under the user's home).
 */
export interface InternalErrorFacts {
  errorClass: string;
  errno: string | null;
  /** The innermost frame in Lectern's own code, e.g. `src/platform/fs/private-permissions.ts:13:3`. */
  location: string | null;
  /** Up to STACK_FRAMES frames in Lectern's own code, innermost first. */
  stack: string[];
}

const STACK_FRAMES = 6;
const LAYERS = 'app|commands|contracts|core|kernel|platform';
const OWN_FRAME = new RegExp(`[\\\\/]((?:src|dist)[\\\\/](?:${LAYERS})[\\\\/][\\w.\\\\/-]+\\.(?:ts|mts|js|mjs)):(\\d+):(\\d+)`);
const CLASS_NAME = /^[A-Za-z_$][\w$]{0,63}$/;
const ERRNO = /^[A-Z][A-Z0-9_]{1,63}$/;

/** Raised on this side for a failure that happened elsewhere (a worker thread), carrying the facts gathered there. */
export class InternalFailure extends Error {
  constructor(readonly facts: InternalErrorFacts) {
    super('An internal failure happened in a worker.');
    this.name = 'InternalFailure';
  }
}

export function describeInternalError(error: unknown): InternalErrorFacts {
  if (error instanceof InternalFailure) return error.facts;
  if (!(error instanceof Error)) return { errorClass: typeof error, errno: null, location: null, stack: [] };
  const className = error.constructor?.name ?? error.name;
  const code = (error as NodeJS.ErrnoException).code;
  const stack = ownFrames(error.stack ?? '');
  return {
    errorClass: CLASS_NAME.test(className) ? className : 'Error',
    errno: typeof code === 'string' && ERRNO.test(code) ? code : null,
    location: stack[0] ?? null,
    stack,
  };
}

/** `src/...:line:column` of each stack line that points into Lectern's own layers (forward slashes on every OS). */
function ownFrames(stack: string): string[] {
  const frames: string[] = [];
  // Only the `    at ...` lines: the message (first, possibly on several lines) may hold anything, paths included.
  for (const line of stack.split('\n')) {
    const match = /^\s+at /.test(line) ? OWN_FRAME.exec(line) : null;
    if (match) frames.push(`${match[1]!.replace(/\\/g, '/')}:${match[2]}:${match[3]}`);
    if (frames.length === STACK_FRAMES) break;
  }
  return frames;
}
