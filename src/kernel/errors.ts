import type { ErrorCode } from '../contracts/error-codes.js';

/**
 * The one error type that crosses layers. `code` is stable snake_case and is what callers, the CLI and the UI
 * match on; `message` is a human sentence that never carries paths, SQL, stack traces or row content.
 * Every code is listed with the operator's action in docs/operations/runbook.md (a test keeps that true).
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(code)) {
      throw new Error(`AppError code must be snake_case, got "${code}"`);
    }
    this.name = 'AppError';
    this.code = code;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The client-safe shape of an error: what the CLI prints and the server returns. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

const INTERNAL_ERROR: ErrorPayload = {
  code: 'internal_error',
  message: 'Something unexpected went wrong. Please report it with a support bundle (Data health page, or lectern support-bundle).',
};

/** Maps anything thrown to what a client may see: AppErrors pass through, everything else becomes internal_error. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (isAppError(error)) return { code: error.code, message: error.message };
  return { ...INTERNAL_ERROR };
}
