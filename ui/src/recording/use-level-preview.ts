import { onBeforeUnmount, reactive } from 'vue';
import { measureChunk, meterValue } from './level';

const FRAME_SAMPLES = 2048;

/**
 * The microphone's level without recording, to check it before a take: `start` opens the device (the chosen one, or
 * the system's default) and updates `state.level` (0-1, the recorder's meter scale) about 20 times a second; `stop`
 * releases it. `state.ended` turns true when the device goes away while it is open (unplugged, disabled).
 */
export function useLevelPreview() {
  const state = reactive({ active: false, level: 0, ended: false });
  let stream: MediaStream | null = null;
  let context: AudioContext | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function start(deviceId: string | null = null): Promise<void> {
    await stop();
    state.ended = false;
    stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true });
    context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = FRAME_SAMPLES;
    context.createMediaStreamSource(stream).connect(analyser);
    if (context.state === 'suspended') await context.resume();
    const frame = new Float32Array(FRAME_SAMPLES);
    timer = setInterval(() => {
      analyser.getFloatTimeDomainData(frame);
      state.level = meterValue(measureChunk(frame).rms);
    }, 50);
    for (const track of stream.getAudioTracks()) track.addEventListener('ended', () => void onEnded());
    state.active = true;
  }

  async function onEnded(): Promise<void> {
    await stop();
    state.ended = true;
  }

  async function stop(): Promise<void> {
    clearInterval(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = null;
    if (context && context.state !== 'closed') await context.close();
    context = null;
    Object.assign(state, { active: false, level: 0 });
  }

  onBeforeUnmount(() => void stop());
  return { state, start, stop };
}
