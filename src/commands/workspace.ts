import { adoptUnlistedProfiles, createProfile, deleteProfile, listProfiles, locateArtifactForDownload, renameProfile, switchProfile } from '../core/workspace/index.js';
import { defineCommand, defineProfileCommand } from './registry.js';

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

/** A stored file of a profile, for a transport to send (`GET /api/download/<id>`, `lectern download`). */
export const artifactDownload = defineProfileCommand({
  name: 'artifact_download',
  handler: (session, { artifactId }) => locateArtifactForDownload(session, artifactId),
});

export const WORKSPACE_COMMANDS = [profileList, profileCreate, profileSwitch, profileRename, profileDelete, profileAdoptUnlisted, artifactDownload];
