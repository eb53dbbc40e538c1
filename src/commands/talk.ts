import * as talk from '../core/talk/index.js';
import type { TalkStage } from '../core/talk/index.js';
import { defineCommand } from './registry.js';

export const projectCreate = defineCommand({
  name: 'project_create',
  handler: ({ store }, { profileId, project }) => ({ project: talk.createProject(store, profileId, project) }),
});

export const projectUpdate = defineCommand({
  name: 'project_update',
  handler: ({ store }, { profileId, projectId, changes }) => ({
    // The stage is checked against the known stages by the service (project_stage_invalid).
    project: talk.updateProject(store, profileId, projectId, { ...changes, stage: changes.stage as TalkStage | undefined }),
  }),
});

export const projectGetActive = defineCommand({
  name: 'project_get_active',
  handler: ({ store }, { profileId }) => ({ project: talk.getActiveProject(store, profileId) }),
});

export const projectList = defineCommand({
  name: 'project_list',
  handler: ({ store }, { profileId }) => ({ projects: talk.listProjects(store, profileId) }),
});

export const projectSetActive = defineCommand({
  name: 'project_set_active',
  handler: ({ store }, { profileId, projectId }) => ({ project: talk.setActiveProject(store, profileId, projectId) }),
});

export const projectEnsureTraining = defineCommand({
  name: 'project_ensure_training',
  handler: ({ store }, { profileId }) => ({ project: talk.ensureTrainingProject(store, profileId) }),
});

export const outlineGet = defineCommand({
  name: 'outline_get',
  handler: ({ store }, { profileId, projectId }) => ({ outline: talk.getOutline(store, profileId, projectId) }),
});

export const outlineSet = defineCommand({
  name: 'outline_set',
  handler: ({ store }, { profileId, projectId, markdown }) => ({ outline: talk.setOutline(store, profileId, projectId, markdown) }),
});

export const outlineExport = defineCommand({
  name: 'outline_export',
  handler: ({ store }, { profileId, projectId }) => talk.exportOutline(store, profileId, projectId),
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
