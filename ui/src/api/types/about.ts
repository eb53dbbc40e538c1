/** The About page's facts; see docs/api/commands.md, "About Lectern". Types inferred from the shared contracts. */
import type { z } from 'zod';
import type { AppAboutResultSchema } from '../../../../src/contracts/about.js';

export type AboutLectern = z.infer<typeof AppAboutResultSchema>;
export type SchemaStanding = AboutLectern['databases']['global'];
