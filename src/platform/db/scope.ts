/** Which database a piece of work is about: the one global database, or one profile's. */
export type DbScope = { kind: 'global' } | { kind: 'profile'; profileId: string };

export const GLOBAL_SCOPE: DbScope = Object.freeze({ kind: 'global' });

export function profileScope(profileId: string): DbScope {
  return { kind: 'profile', profileId };
}

