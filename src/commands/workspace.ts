import {
  ProfileAdoptUnlistedPayloadSchema,
  ProfileAdoptUnlistedResultSchema,
  ProfileCreatePayloadSchema,
  ProfileDeletePayloadSchema,
  ProfileDeleteResultSchema,
  ProfileListPayloadSchema,
  ProfileListResultSchema,
  ProfileRenamePayloadSchema,
  ProfileResultSchema,
  ProfileSwitchPayloadSchema,
} from '../contracts/workspace.js';
import { adoptUnlistedProfiles, createProfile, deleteProfile, listProfiles, renameProfile, switchProfile } from '../core/workspace/index.js';
import { defineCommand } from './registry.js';

export const profileList = defineCommand({
  name: 'profile_list',
  payload: ProfileListPayloadSchema,
  result: ProfileListResultSchema,
  handler: ({ store }) => ({ profiles: listProfiles(store) }),
});

export const profileCreate = defineCommand({
  name: 'profile_create',
  payload: ProfileCreatePayloadSchema,
  result: ProfileResultSchema,
  handler: ({ store }, { name }) => ({ profile: createProfile(store, name) }),
});

export const profileSwitch = defineCommand({
  name: 'profile_switch',
  payload: ProfileSwitchPayloadSchema,
  result: ProfileResultSchema,
  handler: ({ store }, { profileId }) => ({ profile: switchProfile(store, profileId) }),
});

export const profileAdoptUnlisted = defineCommand({
  name: 'profile_adopt_unlisted',
  payload: ProfileAdoptUnlistedPayloadSchema,
  result: ProfileAdoptUnlistedResultSchema,
  handler: ({ store }) => ({ adopted: adoptUnlistedProfiles(store) }),
});

export const profileRename = defineCommand({
  name: 'profile_rename',
  payload: ProfileRenamePayloadSchema,
  result: ProfileResultSchema,
  handler: ({ store }, { profileId, name }) => ({ profile: renameProfile(store, profileId, name) }),
});

export const profileDelete = defineCommand({
  name: 'profile_delete',
  payload: ProfileDeletePayloadSchema,
  result: ProfileDeleteResultSchema,
  handler: ({ store }, { profileId }) => deleteProfile(store, profileId),
});

export const WORKSPACE_COMMANDS = [profileList, profileCreate, profileSwitch, profileRename, profileDelete, profileAdoptUnlisted];
