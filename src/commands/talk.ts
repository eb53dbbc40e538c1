import * as talk from '../core/talk/index.js';
import type { TalkStage } from '../core/talk/index.js';
import { defineProfileCommand } from './registry.js';

export const projectCreate = defineProfileCommand({
  name: 'project_create',
  handler: (session, { project }) => ({ project: talk.createProject(session, project) }),
});

export const projectUpdate = defineProfileCommand({
  name: 'project_update',
  handler: (session, { projectId, changes }) => ({
    // The stage is checked against the known stages by the service (project_stage_invalid).
    project: talk.updateProject(session, projectId, { ...changes, stage: changes.stage as TalkStage | undefined }),
  }),
});

export const projectGetActive = defineProfileCommand({
  name: 'project_get_active',
  handler: (session) => ({ project: talk.getActiveProject(session) }),
});

export const projectList = defineProfileCommand({
  name: 'project_list',
  handler: (session) => ({ projects: talk.listProjects(session) }),
});

export const projectSetActive = defineProfileCommand({
  name: 'project_set_active',
  handler: (session, { projectId }) => ({ project: talk.setActiveProject(session, projectId) }),
});

export const projectEnsureTraining = defineProfileCommand({
  name: 'project_ensure_training',
  handler: (session) => ({ project: talk.ensureTrainingProject(session) }),
});

export const outlineGet = defineProfileCommand({
  name: 'outline_get',
  handler: (session, { projectId }) => ({ outline: talk.getOutline(session, projectId) }),
});

export const outlineSet = defineProfileCommand({
  name: 'outline_set',
  handler: (session, { projectId, markdown }) => ({ outline: talk.setOutline(session, projectId, markdown) }),
});

export const outlineExport = defineProfileCommand({
  name: 'outline_export',
  handler: (session, { projectId }) => talk.exportOutline(session, projectId),
});

export const TALK_COMMANDS = [
  projectCreate,
  projectUpdate,
  projectGetActive,
  projectList,
  projectSetActive,
  projectEnsureTraining,
  outlineGet,
  outlineSet,
  outlineExport,
];
