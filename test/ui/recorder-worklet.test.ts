import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { concatChunks, downsampleTo16k } from '../../ui/src/recording/downsample';

// ui/public/recorder-worklet.js runs in the browser's audio thread: it mixes the microphone's channels to mono and
// posts 2048-frame chunks. Here it runs under the two globals an AudioWorkletGlobalScope gives it, fed 128-frame
// render quanta as the browser does, so a stereo 44.1 kHz microphone can be followed to the 16 kHz take.
type Posted = { type: 'chunk'; samples: Float32Array } | { type: 'flushed' };
interface Recorder {
  port: { onmessage: ((event: { data: unknown }) => void) | null };
  process(inputs: Float32Array[][]): boolean;
}

async function loadRecorder(): Promise<{ recorder: Recorder; posted: Posted[] }> {
  const posted: Posted[] = [];
  let Processor: (new () => Recorder) | undefined;
  class AudioWorkletProcessor {
    port = { onmessage: null, postMessage: (message: Posted) => posted.push(message) };
  }
  Object.assign(globalThis, {
    AudioWorkletProcessor,
    registerProcessor: (name: string, processor: new () => Recorder) => {
      if (name === 'lectern-recorder') Processor = processor;
    },
  });
  await import(`${new URL('../../ui/public/recorder-worklet.js', import.meta.url).href}?instance=${Math.random()}`);
  assert.ok(Processor, 'the worklet registers lectern-recorder');
  return { recorder: new Processor(), posted };
}

function feedStereo(recorder: Recorder, frames: number, left: number, right: number): void {
  for (let start = 0; start < frames; start += 128) {
    const length = Math.min(128, frames - start);
    recorder.process([[new Float32Array(length).fill(left), new Float32Array(length).fill(right)]]);
  }
}

function chunksOf(posted: Posted[]): Float32Array[] {
  return posted.flatMap((message) => (message.type === 'chunk' ? [message.samples] : []));
}

describe('the recorder worklet, from a stereo 44.1 kHz microphone to the take', { timeout: 10_000 }, () => {
  test('stereo frames are mixed to mono (the mean of the channels) and posted 2048 at a time', async () => {
    const { recorder, posted } = await loadRecorder();
    feedStereo(recorder, 4096, 0.75, -0.25);
    const chunks = chunksOf(posted);
    assert.deepEqual(
      chunks.map((chunk) => chunk.length),
      [2048, 2048],
    );
    assert.ok(chunks.every((chunk) => chunk.every((sample) => sample === 0.25)));
  });

  test('flush posts the frames still held, then says it is done', async () => {
    const { recorder, posted } = await loadRecorder();
    feedStereo(recorder, 2048 + 100, 0.5, 0.5);
    recorder.port.onmessage?.({ data: { type: 'flush' } });
    assert.deepEqual(
      posted.map((message) => (message.type === 'chunk' ? message.samples.length : message.type)),
      [2048, 100, 'flushed'],
    );
  });

  test('a flush with nothing held posts no empty chunk', async () => {
    const { recorder, posted } = await loadRecorder();
    recorder.port.onmessage?.({ data: { type: 'flush' } });
    assert.deepEqual(posted, [{ type: 'flushed' }]);
  });

  test('one second of stereo 44.1 kHz becomes exactly 16,000 mono samples at the mixed level', async () => {
    const { recorder, posted } = await loadRecorder();
    feedStereo(recorder, 44_100, 0.75, -0.25);
    recorder.port.onmessage?.({ data: { type: 'flush' } });
    const take = downsampleTo16k(concatChunks(chunksOf(posted)), 44_100);
    assert.equal(take.length, 16_000);
    assert.ok(take.every((sample) => sample === 0.25));
  });
});
