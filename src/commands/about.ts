import { aboutLectern, openDataFolder } from '../core/about/index.js';
import { defineCommand } from './registry.js';

export const appAbout = defineCommand({
  name: 'app_about',
  handler: ({ store }, { profileId }) => aboutLectern(store, profileId),
});

export const dataFolderOpen = defineCommand({
  name: 'data_folder_open',
  handler: async ({ store }) => {
    await openDataFolder(store);
    return { opened: true as const };
  },
});

export const ABOUT_COMMANDS = [appAbout, dataFolderOpen];
