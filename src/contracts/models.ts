import { z } from 'zod';
import { MODEL_NAMES } from './model-catalogue.js';

const ModelNameSchema = z.enum(MODEL_NAMES);
const Language = z.enum(['en', 'fr']);

export const ModelsOverviewSchema = z
  .object({
    models: z.array(
      z
        .object({
          name: ModelNameSchema,
          bytes: z.number().int().positive(),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
          languages: z.array(Language),
          installed: z.boolean(),
          partialBytes: z.number().int().nonnegative(),
          downloading: z.boolean(),
        })
        .strict(),
    ),
    activeModel: z.object({ en: ModelNameSchema.nullable(), fr: ModelNameSchema.nullable() }).strict(),
    selected: z.object({ en: ModelNameSchema.nullable(), fr: ModelNameSchema.nullable() }).strict(),
    source: z.string(),
  })
  .strict();

export const ModelsListPayloadSchema = z.object({}).strict();
export const ModelRefPayloadSchema = z.object({ name: z.string().max(40) }).strict();
export const ModelDownloadResultSchema = z.object({ jobId: z.string() }).strict();
export const ModelSelectPayloadSchema = z.object({ language: Language, name: z.string().max(40).nullable() }).strict();
export const ModelSourceSetPayloadSchema = z.object({ source: z.string().max(2000).nullable() }).strict();
