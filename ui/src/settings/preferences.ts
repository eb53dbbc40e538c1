import { invoke } from '../api/invoke';

/** Where a preference lives: the machine's global database, or one profile's. */
export type PreferenceScope = { kind: 'global' } | { kind: 'profile'; profileId: string };

export async function readPreference(scope: PreferenceScope, key: string): Promise<string | null> {
  const { value } =
    scope.kind === 'global'
      ? await invoke('preference_global_get', { key })
      : await invoke('preference_profile_get', { profileId: scope.profileId, key });
  return value;
}

/** Stores a value (null deletes it, falling back to the default). */
export async function writePreference(scope: PreferenceScope, key: string, value: string | null): Promise<string | null> {
  const result =
    scope.kind === 'global'
      ? await invoke('preference_global_set', { key, value })
      : await invoke('preference_profile_set', { profileId: scope.profileId, key, value });
  return result.value;
}
