import { ProfileDbDiagnosticsPayloadSchema, ProfileDbDiagnosticsResultSchema } from '../contracts/diagnostics.js';
import { diagnoseForApp } from '../core/health/index.js';
import { defineCommand } from './registry.js';

export const profileDbDiagnostics = defineCommand({
  name: 'profile_db_diagnostics',
  payload: ProfileDbDiagnosticsPayloadSchema,
  result: ProfileDbDiagnosticsResultSchema,
  handler: ({ store }, { profileId }) => diagnoseForApp(store, profileId),
});
