import type { Locale } from './locale.js';
/**
 * The whisper.cpp models Lectern offers: OpenAI's Whisper converted to ggml (float16) by whisper.cpp. Sizes and
 * sha256 are those published for the files of the `ggerganov/whisper.cpp` model repository (its Git LFS object ids;
 * whisper.cpp's models/README.md lists their sha1). A download is used only when its sha256 matches. Shared with the UI.
 */
export interface CatalogueModel {
  name: string;
  fileName: string;
  bytes: number;
  sha256: string;
  /** English-only models transcribe English; multilingual ones English and French (and more that Lectern does not use). */
  languages: ReadonlyArray<Locale>;
}

export const MODEL_CATALOGUE: readonly CatalogueModel[] = [
  { name: 'tiny.en', fileName: 'ggml-tiny.en.bin', bytes: 77_704_715, sha256: '921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f', languages: ['en'] },
  { name: 'tiny', fileName: 'ggml-tiny.bin', bytes: 77_691_713, sha256: 'be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21', languages: ['en', 'fr'] },
  { name: 'base.en', fileName: 'ggml-base.en.bin', bytes: 147_964_211, sha256: 'a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002', languages: ['en'] },
  { name: 'base', fileName: 'ggml-base.bin', bytes: 147_951_465, sha256: '60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe', languages: ['en', 'fr'] },
  { name: 'small.en', fileName: 'ggml-small.en.bin', bytes: 487_614_201, sha256: 'c6138d6d58ecc8322097e0f987c32f1be8bb0a18532a3f88f734d1bbf9c41e5d', languages: ['en'] },
  { name: 'small', fileName: 'ggml-small.bin', bytes: 487_601_967, sha256: '1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b', languages: ['en', 'fr'] },
];

export const MODEL_NAMES = ['tiny.en', 'tiny', 'base.en', 'base', 'small.en', 'small'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/** Where models come from unless the user sets another source (a mirror): files are fetched as `<source>/<fileName>`. */
export const DEFAULT_MODEL_SOURCE = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main/';
