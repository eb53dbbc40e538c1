import { z } from 'zod';

/** What every door (HTTP, CLI, in-process) returns for a failed command. */
export const ErrorPayloadSchema = z.object({ code: z.string(), message: z.string() }).strict();
