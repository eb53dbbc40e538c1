import {
  getGlobalPreference,
  getProfilePreference,
  setGlobalPreference,
  setProfilePreference,
} from '../core/preferences/index.js';
import { defineCommand, defineProfileCommand } from './registry.js';

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

export const preferenceProfileGet = defineProfileCommand({
  name: 'preference_profile_get',
  handler: (session, { key }) => ({ value: getProfilePreference(session, key) }),
});

export const preferenceProfileSet = defineProfileCommand({
  name: 'preference_profile_set',
  handler: (session, { key, value }) => {
    setProfilePreference(session, key, value);
    return { value: getProfilePreference(session, key) };
  },
});

export const PREFERENCE_COMMANDS = [preferenceGlobalGet, preferenceGlobalSet, preferenceProfileGet, preferenceProfileSet];
