import * as coach from '../core/coach/index.js';
import { defineProfileCommand } from './registry.js';

export const progressGetSnapshot = defineProfileCommand({
  name: 'progress_get_snapshot',
  handler: (session, { projectId, timeZone }) => ({
    progress: coach.progressSnapshot(session, { projectId, timeZone }),
  }),
});

export const coachTrends = defineProfileCommand({
  name: 'coach_trends',
  handler: (session, { projectId }) => ({ points: coach.trends(session, projectId) }),
});

export const mascotGetContextMessage = defineProfileCommand({
  name: 'mascot_get_context_message',
  handler: (session, request) => ({ message: coach.mascotMessage(session, request) }),
});

export const talksGetBlueprint = defineProfileCommand({
  name: 'talks_get_blueprint',
  handler: (session, { projectId, locale }) => ({ blueprint: coach.blueprint(session, projectId, locale) }),
});

export const COACH_COMMANDS = [progressGetSnapshot, coachTrends, mascotGetContextMessage, talksGetBlueprint];
