import { diagnoseForApp } from '../core/health/index.js';
import { defineCommand } from './registry.js';

export const profileDbDiagnostics = defineCommand({
  name: 'profile_db_diagnostics',
  handler: ({ store }, { profileId }) => diagnoseForApp(store, profileId),
});
