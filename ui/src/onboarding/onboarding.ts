import { PREFERENCE_KEYS } from '../../../src/contracts/preference-keys.js';
import { readPreference, writePreference } from '../settings/preferences';

/** Profile preference set once the speaker finished or skipped the first-run guide; Help deletes it to show it again. */
export const ONBOARDING_PREFERENCE = PREFERENCE_KEYS.onboarding;
const DONE = 'done';

export async function onboardingDone(profileId: string): Promise<boolean> {
  return (await readPreference({ kind: 'profile', profileId }, ONBOARDING_PREFERENCE)) === DONE;
}

export async function markOnboardingDone(profileId: string): Promise<void> {
  await writePreference({ kind: 'profile', profileId }, ONBOARDING_PREFERENCE, DONE);
}
