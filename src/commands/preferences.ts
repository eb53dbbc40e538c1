import {
  getGlobalPreference,
  getProfilePreference,
  setGlobalPreference,
  setProfilePreference,
} from '../core/preferences/index.js';
import { defineCommand } from './registry.js';

export const preferenceGlobalGet = defineCommand({
  name: 'preference_global_get',
  handler: ({ store }, { key }) => ({ value: getGlobalPreference(store, key) }),
});

export const preferenceGlobalSet = defineCommand({
  name: 'preference_global_set',
  handler: ({ store }, { key, value }) => {
    setGlobalPreference(store, key, value);
    return { value: getGlobalPreference(store, key) };
  },
});

export const preferenceProfileGet = defineCommand({
  name: 'preference_profile_get',
  handler: ({ store }, { profileId, key }) => ({ value: getProfilePreference(store, profileId, key) }),
});

export const preferenceProfileSet = defineCommand({
  name: 'preference_profile_set',
  handler: ({ store }, { profileId, key, value }) => {
    setProfilePreference(store, profileId, key, value);
    return { value: getProfilePreference(store, profileId, key) };
  },
});

export const PREFERENCE_COMMANDS = [preferenceGlobalGet, preferenceGlobalSet, preferenceProfileGet, preferenceProfileSet];
