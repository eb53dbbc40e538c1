/** Profiles (global database); see docs/api/commands.md, "Workspace". */
export interface Profile {
  id: string;
  name: string;
  createdAt: string;
  lastOpenedAt: string | null;
  isActive: boolean;
}

export interface ProfileSummary extends Profile {
  sizeBytes: number;
  talkCount: number | null;
  /** An error code when the profile's database cannot be opened. */
  problem: string | null;
}
