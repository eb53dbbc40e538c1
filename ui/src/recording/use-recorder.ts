import { onBeforeUnmount, reactive } from 'vue';
import { concatChunks, downsampleTo16k, TARGET_RATE } from './downsample';
import { measureChunk, meterValue, QualityTracker, type QualityHint } from './level';
import { MicrophoneCapture } from './microphone';
import { encodeWavPcm16 } from './wav';

export interface Recording {
  wav: Blob;
  durationMs: number;
}

/**
 * Live recording state for the Record page: level (0-1 for the meter), elapsed time, quality hint; `stop` returns
 * the take as a 16 kHz mono PCM16 WAV.
 */
export function useRecorder() {
  const state = reactive({
    recording: false,
    starting: false,
    level: 0,
    elapsedMs: 0,
    hint: 'waiting' as QualityHint,
    /** The microphone went away during the take: what was recorded until then is kept when the speaker stops. */
    deviceLost: false,
  });
  let chunks: Float32Array[] = [];
  let capture: MicrophoneCapture | null = null;
  let tracker = new QualityTracker();
  let startedAt = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  function onChunk(samples: Float32Array): void {
    chunks.push(samples);
    const level = measureChunk(samples);
    state.level = meterValue(level.rms);
    state.hint = tracker.push(level, performance.now());
  }

  /** Records from `deviceId` (the profile's chosen microphone), or the system default when null. */
  async function start(deviceId: string | null = null): Promise<void> {
    if (state.recording || state.starting) return;
    state.starting = true;
    chunks = [];
    tracker = new QualityTracker();
    Object.assign(state, { level: 0, elapsedMs: 0, hint: 'waiting', deviceLost: false });
    try {
      capture = new MicrophoneCapture(onChunk, deviceId, () => (state.deviceLost = true));
      await capture.start();
      startedAt = performance.now();
      timer = setInterval(() => (state.elapsedMs = performance.now() - startedAt), 200);
      state.recording = true;
    } finally {
      state.starting = false;
    }
  }

  async function stop(): Promise<Recording> {
    clearInterval(timer);
    const current = capture;
    capture = null;
    state.recording = false;
    state.level = 0;
    if (!current) throw new Error('Not recording.');
    await current.stop();
    const samples = downsampleTo16k(concatChunks(chunks), current.sampleRate);
    chunks = [];
    return { wav: encodeWavPcm16(samples, TARGET_RATE), durationMs: Math.round((samples.length / TARGET_RATE) * 1000) };
  }

  onBeforeUnmount(() => {
    clearInterval(timer);
    void capture?.stop();
    capture = null;
  });

  return { state, start, stop, isSupported: MicrophoneCapture.isSupported };
}
