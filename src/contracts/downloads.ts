import { z } from 'zod';

/**
 * A command whose result is a file: the HTTP server sends `data` as the response body with `fileName` as the download
 * name; the CLI writes it. It goes through the registry like every command (validation, error codes, logging); only
 * the transport differs, so such a command is not callable at `/api/invoke` (see BINARY_COMMANDS).
 */
export const FileResultSchema = z
  .object({
    /** A plain name (no folder, no quote), safe in a Content-Disposition header. */
    fileName: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/),
    contentType: z.string().max(100),
    data: z.custom<Uint8Array<ArrayBufferLike>>((value) => value instanceof Uint8Array, 'bytes'),
  })
  .strict();

export const SupportBundleBuildPayloadSchema = z.object({}).strict();
