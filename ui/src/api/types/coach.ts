/** Coach: progress, trends, mascot and blueprint (derived data). Types inferred from the shared contracts (type-only). */
import type { z } from 'zod';
import type {
  BlueprintSchema,
  MascotMessageSchema,
  ProgressSnapshotSchema,
  TrendPointSchema,
} from '../../../../src/contracts/coach.js';

export type ProgressSnapshot = z.infer<typeof ProgressSnapshotSchema>;
export type TrendPoint = z.infer<typeof TrendPointSchema>;
export type MascotMessage = z.infer<typeof MascotMessageSchema>;
export type Blueprint = z.infer<typeof BlueprintSchema>;
export type BlueprintStep = Blueprint['steps'][number];
export type BlueprintStepId = BlueprintStep['id'];
