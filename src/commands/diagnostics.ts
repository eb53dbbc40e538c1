import { buildSupportBundle, diagnoseForApp } from '../core/health/index.js';
import { defineCommand } from './registry.js';

export const profileDbDiagnostics = defineCommand({
  name: 'profile_db_diagnostics',
  handler: ({ store }, { profileId }) => diagnoseForApp(store, profileId),
});

/** The support bundle as a file (`GET /api/support-bundle`): what an operator needs, and never a recording or a path. */
export const supportBundleBuild = defineCommand({
  name: 'support_bundle_build',
  handler: ({ store }) => ({
    fileName: `lectern-support-${store.clock.now().toISOString().slice(0, 10)}.zip`,
    contentType: 'application/zip',
    data: buildSupportBundle(store.layout, store.appVersion),
  }),
});
