import type { UtcTimestamp } from '../../kernel/time.js';

export interface Profile {
  id: string;
  name: string;
  createdAt: UtcTimestamp;
  lastOpenedAt: UtcTimestamp | null;
  isActive: boolean;
}
