import { expect, type Page } from '@playwright/test';
import { PREFERENCE_KEYS } from '../../src/contracts/preference-keys.js';
import { invokeAs } from './invoke.js';
import type { RunningApp } from './lectern-app.js';

/**
 * Creates a profile the way a newcomer does, with the form on the page being shown (the first screen, or Profiles),
 * waits until the header names it as the active profile, and returns its id for the calls that set up the rest.
 */
export async function createProfileThroughPage(page: Page, app: RunningApp, name: string): Promise<string> {
  await page.getByTestId('profile-name').fill(name);
  await page.getByTestId('profile-create').click();
  await expect(page.getByTestId('active-profile-name')).toHaveText(name);
  const { profiles } = await invokeAs(page, app, 'profile_list');
  const active = profiles.find((profile) => profile.isActive);
  if (!active) throw new Error(`profile ${name} was created but is not active`);
  return active.id;
}

/** Marks the first-run guide as seen, for tests about something else (the guide has its own test). */
export async function skipFirstRunGuide(page: Page, app: RunningApp, profileId: string): Promise<void> {
  await invokeAs(page, app, 'preference_profile_set', { profileId, key: PREFERENCE_KEYS.onboarding, value: 'done' });
}
