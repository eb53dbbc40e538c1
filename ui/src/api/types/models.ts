/** Speech models (whisper.cpp). Types inferred from the shared contracts (type-only). */
import type { z } from 'zod';
import type { ModelsOverviewSchema } from '../../../../src/contracts/models.js';

export type ModelsOverview = z.infer<typeof ModelsOverviewSchema>;
export type ModelRow = ModelsOverview['models'][number];
