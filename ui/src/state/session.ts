import { computed, reactive } from 'vue';
import { invoke } from '../api/invoke';
import type { ProfileSummary } from '../api/types/workspace';
import { reportError } from './notices';

/** The profiles and which one is active, shared by the whole app. */
export const session = reactive({ profiles: [] as ProfileSummary[], loaded: false, failed: false });

export const activeProfile = computed(() => session.profiles.find((profile) => profile.isActive) ?? null);
export const activeProfileId = computed(() => activeProfile.value?.id ?? null);

let firstLoad: Promise<void> | null = null;

export async function refreshProfiles(): Promise<void> {
  try {
    const { profiles } = await invoke('profile_list', {});
    session.profiles = profiles;
    session.failed = false;
  } catch (error) {
    session.failed = true;
    reportError(error);
  } finally {
    session.loaded = true;
  }
}

/** The first `profile_list`, done once at start (the router waits for it). */
export function ensureSessionLoaded(): Promise<void> {
  firstLoad ??= refreshProfiles();
  return firstLoad;
}

/** The active profile's id; pages that need one are only reachable with one (see the router guard). */
export function requireProfileId(): string {
  const id = activeProfileId.value;
  if (!id) throw new Error('No active profile.');
  return id;
}
