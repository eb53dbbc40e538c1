import * as coach from '../core/coach/index.js';
import { defineCommand } from './registry.js';

export const progressGetSnapshot = defineCommand({
  name: 'progress_get_snapshot',
  handler: ({ store }, { profileId, projectId, timeZone }) => ({
    progress: coach.progressSnapshot(store, profileId, { projectId, timeZone }),
  }),
});

export const coachTrends = defineCommand({
  name: 'coach_trends',
  handler: ({ store }, { profileId, projectId }) => ({ points: coach.trends(store, profileId, projectId) }),
});

export const mascotGetContextMessage = defineCommand({
  name: 'mascot_get_context_message',
  handler: ({ store }, { profileId, ...request }) => ({ message: coach.mascotMessage(store, profileId, request) }),
});

export const talksGetBlueprint = defineCommand({
  name: 'talks_get_blueprint',
  handler: ({ store }, { profileId, projectId, locale }) => ({ blueprint: coach.blueprint(store, profileId, projectId, locale) }),
});

export const COACH_COMMANDS = [progressGetSnapshot, coachTrends, mascotGetContextMessage, talksGetBlueprint];
