import { reactive } from 'vue';
import type { SnapshotRestoreResult } from '../api/types/health';
import type { Profile } from '../api/types/workspace';

/** The key of a database on the Data health page: 'global' or the profile's id. */
export type DatabaseKey = string;

/**
 * What the speaker did on the Data health page and what it gave, kept while they stay on the page: a restore of the
 * shared database can change the active profile, which rebuilds the page, and the result must still be shown.
 */
export const healthOutcomes = reactive({
  restores: {} as Record<DatabaseKey, SnapshotRestoreResult>,
  adopted: null as Profile[] | null,
});

export function forgetHealthOutcomes(): void {
  healthOutcomes.restores = {};
  healthOutcomes.adopted = null;
}
