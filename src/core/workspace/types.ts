import type { UtcTimestamp } from '../../kernel/time.js';

export interface Profile {
  id: string;
  name: string;
  createdAt: UtcTimestamp;
  lastOpenedAt: UtcTimestamp | null;
  isActive: boolean;
}

/** A profile as profile_list shows it. */
export interface ProfileSummary extends Profile {
  sizeBytes: number;
  talkCount: number;
}
