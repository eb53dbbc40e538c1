import { adoptUnlistedProfiles, createProfile, deleteProfile, listProfiles, renameProfile, switchProfile } from '../core/workspace/index.js';
import { defineCommand } from './registry.js';

export const profileList = defineCommand({
  name: 'profile_list',
  handler: ({ store }) => ({ profiles: listProfiles(store) }),
});

export const profileCreate = defineCommand({
  name: 'profile_create',
  handler: ({ store }, { name }) => ({ profile: createProfile(store, name) }),
});

export const profileSwitch = defineCommand({
  name: 'profile_switch',
  handler: ({ store }, { profileId }) => ({ profile: switchProfile(store, profileId) }),
});

export const profileAdoptUnlisted = defineCommand({
  name: 'profile_adopt_unlisted',
  handler: ({ store }) => ({ adopted: adoptUnlistedProfiles(store) }),
});

export const profileRename = defineCommand({
  name: 'profile_rename',
  handler: ({ store }, { profileId, name }) => ({ profile: renameProfile(store, profileId, name) }),
});

export const profileDelete = defineCommand({
  name: 'profile_delete',
  handler: ({ store }, { profileId }) => deleteProfile(store, profileId),
});

export const WORKSPACE_COMMANDS = [profileList, profileCreate, profileSwitch, profileRename, profileDelete, profileAdoptUnlisted];
