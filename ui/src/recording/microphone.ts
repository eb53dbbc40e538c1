const WORKLET_URL = '/recorder-worklet.js';
const FLUSH_TIMEOUT_MS = 1000;

interface WorkletMessage {
  type: 'chunk' | 'flushed';
  samples?: Float32Array;
}

/**
 * The microphone through an AudioWorklet: every chunk of mono Float32 samples goes to `onChunk`. `stop` collects
 * the last samples, releases the microphone and closes the audio context.
 */
export class MicrophoneCapture {
  sampleRate = 0;
  private context: AudioContext | null = null;
  private stream: MediaStream | null = null;
  private node: AudioWorkletNode | null = null;
  private source: MediaStreamAudioSourceNode | null = null;

  /**
   * `deviceId` is the input to record from (null: the system default); `onEnded` is called when that input goes away
   * while recording (unplugged, disabled), which stops the samples.
   */
  constructor(
    private readonly onChunk: (samples: Float32Array) => void,
    private readonly deviceId: string | null = null,
    private readonly onEnded: () => void = () => undefined,
  ) {}

  static isSupported(): boolean {
    return typeof AudioWorkletNode !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
  }

  async start(): Promise<void> {
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        channelCount: 1,
        echoCancellation: false,
        noiseSuppression: false,
        autoGainControl: true,
        ...(this.deviceId ? { deviceId: { exact: this.deviceId } } : {}),
      },
    });
    for (const track of this.stream.getAudioTracks()) track.addEventListener('ended', this.onEnded);
    try {
      this.context = new AudioContext();
      await this.context.audioWorklet.addModule(WORKLET_URL);
      this.sampleRate = this.context.sampleRate;
      this.source = this.context.createMediaStreamSource(this.stream);
      this.node = new AudioWorkletNode(this.context, 'lectern-recorder', { numberOfOutputs: 1, outputChannelCount: [1] });
      this.node.port.onmessage = (event: MessageEvent<WorkletMessage>) => {
        if (event.data.type === 'chunk' && event.data.samples) this.onChunk(event.data.samples);
      };
      this.source.connect(this.node);
      // The node writes silence; being connected to the destination keeps it rendering in every browser.
      this.node.connect(this.context.destination);
      if (this.context.state === 'suspended') await this.context.resume();
    } catch (error) {
      await this.release();
      throw error;
    }
  }

  async stop(): Promise<void> {
    const node = this.node;
    if (node) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FLUSH_TIMEOUT_MS);
        node.port.onmessage = (event: MessageEvent<WorkletMessage>) => {
          if (event.data.type === 'chunk' && event.data.samples) this.onChunk(event.data.samples);
          if (event.data.type === 'flushed') {
            clearTimeout(timer);
            resolve();
          }
        };
        node.port.postMessage({ type: 'flush' });
      });
    }
    await this.release();
  }

  private async release(): Promise<void> {
    this.source?.disconnect();
    this.node?.disconnect();
    if (this.node) this.node.port.onmessage = null;
    for (const track of this.stream?.getTracks() ?? []) {
      track.removeEventListener('ended', this.onEnded);
      track.stop();
    }
    if (this.context && this.context.state !== 'closed') await this.context.close();
    this.source = null;
    this.node = null;
    this.stream = null;
    this.context = null;
  }
}
