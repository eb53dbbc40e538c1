/** Voice memos (profile database); see docs/api/commands.md, "Voice memos". Types inferred from the shared contracts. */
import type { z } from 'zod';
import type { VoiceMemoSchema } from '../../../../src/contracts/memo.js';

export type VoiceMemo = z.infer<typeof VoiceMemoSchema>;
