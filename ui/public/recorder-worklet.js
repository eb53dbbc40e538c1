/* global AudioWorkletProcessor, registerProcessor */
// Lectern's recorder: mixes the microphone input to mono and posts Float32 chunks to the page
// ({ type: 'chunk', samples }). On { type: 'flush' } it posts what it holds, then { type: 'flushed' }.
// A separate file (not inlined) so the page's CSP (script-src 'self') lets audioWorklet.addModule load it.
const CHUNK_FRAMES = 2048;

class LecternRecorder extends AudioWorkletProcessor {
  constructor() {
    super();
    this.buffer = new Float32Array(CHUNK_FRAMES);
    this.filled = 0;
    this.port.onmessage = (event) => {
      if (event.data && event.data.type === 'flush') {
        this.flush();
        this.port.postMessage({ type: 'flushed' });
      }
    };
  }

  process(inputs) {
    const channels = inputs[0];
    if (channels && channels.length > 0) {
      const frames = channels[0].length;
      for (let i = 0; i < frames; i += 1) {
        let sum = 0;
        for (let c = 0; c < channels.length; c += 1) sum += channels[c][i];
        this.buffer[this.filled] = sum / channels.length;
        this.filled += 1;
        if (this.filled === CHUNK_FRAMES) this.flush();
      }
    }
    return true;
  }

  flush() {
    if (this.filled === 0) return;
    const samples = this.buffer.slice(0, this.filled);
    this.filled = 0;
    this.port.postMessage({ type: 'chunk', samples }, [samples.buffer]);
  }
}

registerProcessor('lectern-recorder', LecternRecorder);
