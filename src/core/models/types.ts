import { PREFERENCE_KEYS, selectedModelKey } from '../../contracts/preference-keys.js';
import type { Locale } from '../../contracts/locale.js';
import type { ModelName } from '../../contracts/model-catalogue.js';

export type { CatalogueModel, ModelName } from '../../contracts/model-catalogue.js';

/** Global preferences of the model manager (machine-wide: models are shared by every profile of the data folder). */
export const MODEL_SOURCE_KEY = PREFERENCE_KEYS.modelSource;
export { selectedModelKey };

export interface ModelView {
  name: ModelName;
  bytes: number;
  sha256: string;
  languages: Array<Locale>;
  /** Verified and in place. */
  installed: boolean;
  /** Bytes of an interrupted download that the next `get` resumes from (0 when none). */
  partialBytes: number;
  downloading: boolean;
}

export interface ModelsOverview {
  models: ModelView[];
  /** The model each language uses: the user's choice if it is installed, else the largest installed that fits. */
  activeModel: { en: ModelName | null; fr: ModelName | null };
  selected: { en: ModelName | null; fr: ModelName | null };
  source: string;
}
