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
  /** Null when the profile's database cannot be opened; `problem` then says why (an error code). */
  talkCount: number | null;
  problem: string | null;
}
