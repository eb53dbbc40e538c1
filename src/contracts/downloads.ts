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

export const ArtifactDownloadPayloadSchema = z.object({ profileId: z.string().max(100), artifactId: z.string().max(100) }).strict();

/**
 * A stored file to send: its download name, size and where it is on disk. Only a transport reads `path` (the server
 * streams the file, whole or one byte range; the CLI copies it); the result of a binary command is never serialised
 * to a client, so the path never leaves the machine's own process.
 */
export const StoredFileResultSchema = z
  .object({
    fileName: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/),
    bytes: z.number().int().nonnegative(),
    path: z.string().min(1),
  })
  .strict();
