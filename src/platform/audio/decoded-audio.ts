/** How the samples were stored in the file: the container size and whether they were integers or floats. */
export interface SampleFormat {
  /** Bits each sample occupies in the file (the container size: 24 for 20-bit audio stored in 3 bytes). */
  bitsPerSample: number;
  encoding: 'pcm' | 'float';
}

/** A whole recording in memory, one array per channel, every sample in -1..1. */
export interface DecodedAudio {
  sampleRate: number;
  channels: number;
  frames: number;
  samples: Float32Array[];
  format: SampleFormat;
}
