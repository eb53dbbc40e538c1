/** Talks and outlines (profile database). Types inferred from the shared contracts (type-only). */
import type { z } from 'zod';
import type { OutlineSchema, ProjectListItemSchema, ProjectSchema, TalkStageSchema } from '../../../../src/contracts/talk.js';

export type TalkStage = z.infer<typeof TalkStageSchema>;

/** A runtime value, so it stays local (the contract module imports zod). */
export const TALK_STAGES: readonly TalkStage[] = ['draft', 'builder', 'train', 'export', 'peer_review'];

export type Project = z.infer<typeof ProjectSchema>;
export type ProjectListItem = z.infer<typeof ProjectListItemSchema>;

/** `updatedAt` is null while nothing is saved: the markdown is then the template. */
export type Outline = z.infer<typeof OutlineSchema>;
