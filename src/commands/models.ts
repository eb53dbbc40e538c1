import {
  ModelDownloadResultSchema,
  ModelRefPayloadSchema,
  ModelSelectPayloadSchema,
  ModelSourceSetPayloadSchema,
  ModelsListPayloadSchema,
  ModelsOverviewSchema,
} from '../contracts/models.js';
import * as models from '../core/models/index.js';
import { defineCommand } from './registry.js';

export const modelsList = defineCommand({
  name: 'models_list',
  payload: ModelsListPayloadSchema,
  result: ModelsOverviewSchema,
  handler: ({ store }) => models.listModels(store),
});

export const modelDownload = defineCommand({
  name: 'model_download',
  payload: ModelRefPayloadSchema,
  result: ModelDownloadResultSchema,
  handler: ({ store }, { name }) => ({ jobId: models.startModelDownload(store, name).id }),
});

export const modelRemove = defineCommand({
  name: 'model_remove',
  payload: ModelRefPayloadSchema,
  result: ModelsOverviewSchema,
  handler: ({ store }, { name }) => models.removeModel(store, name),
});

export const modelSelect = defineCommand({
  name: 'model_select',
  payload: ModelSelectPayloadSchema,
  result: ModelsOverviewSchema,
  handler: ({ store }, { language, name }) => models.selectModel(store, language, name),
});

export const modelsSourceSet = defineCommand({
  name: 'models_source_set',
  payload: ModelSourceSetPayloadSchema,
  result: ModelsOverviewSchema,
  handler: ({ store }, { source }) => {
    models.setModelSource(store, source);
    return models.listModels(store);
  },
});

export const MODEL_COMMANDS = [modelsList, modelDownload, modelRemove, modelSelect, modelsSourceSet];
