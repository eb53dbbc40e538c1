/** Profiles (global database); see docs/api/commands.md, "Workspace". Types inferred from the shared contracts. */
import type { z } from 'zod';
import type { ProfileSchema, ProfileSummarySchema } from '../../../../src/contracts/workspace.js';

export type Profile = z.infer<typeof ProfileSchema>;
/** `problem` is an error code when the profile's database cannot be opened. */
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;
