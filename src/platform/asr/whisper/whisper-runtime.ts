import { createRequire } from 'node:module';

/**
 * whisper.cpp's native code comes from `@fugood/node-whisper-<platform>-<arch>`: the CPU builds of
 * `@fugood/whisper.node`, listed one per platform in Lectern's optionalDependencies so that npm installs only the one
 * for this machine (about 3 MB) and never the CUDA or Vulkan variants (see docs/decisions/0008-whisper-runtime-and-models.md).
 * Resolved from this module through node_modules, so it loads the same way from the sources and from a build.
 */
export function whisperRuntimePackage(platform: string = process.platform, arch: string = process.arch): string {
  return `@fugood/node-whisper-${platform}-${arch}`;
}

const requireFromHere = createRequire(import.meta.url);

/** True when this machine's runtime package is installed (checked without loading native code). */
export function isWhisperRuntimeInstalled(): boolean {
  try {
    requireFromHere.resolve(whisperRuntimePackage());
    return true;
  } catch {
    return false;
  }
}

export interface WhisperSegment {
  text: string;
  /** Milliseconds from the start of the audio. */
  t0: number;
  t1: number;
}

export interface WhisperTranscribeOptions {
  language: string;
  prompt?: string;
  maxThreads: number;
  /** With `tokenTimestamps`, one segment per token: how word timings are obtained from this binding. */
  maxLen: number;
  tokenTimestamps: boolean;
  onProgress?: (percent: number) => void;
}

export interface WhisperNativeContext {
  transcribeData(pcm16: ArrayBuffer, options: WhisperTranscribeOptions): { stop(): Promise<void>; promise: Promise<{ segments: WhisperSegment[] }> };
  release(): Promise<void>;
}

interface WhisperNativeModule {
  WhisperContext: (new (options: { filePath: string; useGpu: boolean }) => WhisperNativeContext) & {
    toggleNativeLog?: (enable: boolean) => void;
  };
}

/** Loads the native module (only ever in the worker process: a crash in native code must not take the app down). */
export function loadWhisperRuntime(): WhisperNativeModule {
  return requireFromHere(whisperRuntimePackage()) as WhisperNativeModule;
}
