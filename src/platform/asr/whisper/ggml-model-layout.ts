/**
 * The layout of a whisper.cpp ggml model file, as whisper.cpp's converter writes it (`models/convert-pt-to-ggml.py`)
 * and its loader reads it (`src/whisper.cpp`, `whisper_model_load`). All numbers are little-endian int32 unless said:
 *
 * 1. magic `0x67676d6c` ("ggml");
 * 2. eleven hyperparameters (`WHISPER_HPARAM_NAMES`, in that order; `ftype` 0 = f32, 1 = f16);
 * 3. mel filters: `n_mel`, `n_fft`, then `n_mel * n_fft` float32;
 * 4. vocabulary: a count, then each token as a byte length and its bytes;
 * 5. tensors until the end of the file: `n_dims`, name length, type (0 f32, 1 f16), `n_dims` sizes (ggml order:
 *    fastest-varying first), the name, then the data.
 *
 * One owner for the tensor list: the integrity check reads files against it and the test suite's model generator
 * writes files from it.
 */

export const GGML_MAGIC = 0x67676d6c;

export const WHISPER_HPARAM_NAMES = [
  'nVocab',
  'nAudioCtx',
  'nAudioState',
  'nAudioHead',
  'nAudioLayer',
  'nTextCtx',
  'nTextState',
  'nTextHead',
  'nTextLayer',
  'nMels',
  'ftype',
] as const;

export type WhisperHparams = Record<(typeof WHISPER_HPARAM_NAMES)[number], number>;

/** Tensor data types the converter writes: 0 float32, 1 float16 (quantized files carry other types). */
export const GGML_TYPE_F32 = 0;
export const GGML_TYPE_F16 = 1;

/** Vocabulary sizes from whisper.cpp: 51864 is English-only; 51865 and more are multilingual (51866 large-v3). */
export const ENGLISH_ONLY_VOCAB = 51864;

export interface TensorSpec {
  name: string;
  /** Sizes in ggml order (the fastest-varying dimension first), as written in the file. */
  shape: number[];
  /** GGML_TYPE_F32 or the model's weight type. */
  type: number;
}

/**
 * Every tensor whisper.cpp expects for these hyperparameters, with its shape and its type in a float16 or float32
 * file: positional embeddings, biases, norms and the first conv's bias stay float32; matrices follow `ftype`.
 */
export function expectedTensors(h: WhisperHparams): TensorSpec[] {
  const weight = h.ftype === GGML_TYPE_F32 ? GGML_TYPE_F32 : GGML_TYPE_F16;
  const f32 = GGML_TYPE_F32;
  const tensors: TensorSpec[] = [
    { name: 'encoder.positional_embedding', shape: [h.nAudioState, h.nAudioCtx], type: f32 },
    { name: 'encoder.conv1.weight', shape: [3, h.nMels, h.nAudioState], type: weight },
    { name: 'encoder.conv1.bias', shape: [1, h.nAudioState], type: f32 },
    { name: 'encoder.conv2.weight', shape: [3, h.nAudioState, h.nAudioState], type: weight },
    { name: 'encoder.conv2.bias', shape: [1, h.nAudioState], type: f32 },
  ];
  for (let layer = 0; layer < h.nAudioLayer; layer += 1) tensors.push(...blockTensors(`encoder.blocks.${layer}`, h.nAudioState, weight, false));
  tensors.push(
    { name: 'encoder.ln_post.weight', shape: [h.nAudioState], type: f32 },
    { name: 'encoder.ln_post.bias', shape: [h.nAudioState], type: f32 },
    { name: 'decoder.positional_embedding', shape: [h.nTextState, h.nTextCtx], type: f32 },
    { name: 'decoder.token_embedding.weight', shape: [h.nTextState, h.nVocab], type: weight },
  );
  for (let layer = 0; layer < h.nTextLayer; layer += 1) tensors.push(...blockTensors(`decoder.blocks.${layer}`, h.nTextState, weight, true));
  tensors.push({ name: 'decoder.ln.weight', shape: [h.nTextState], type: f32 }, { name: 'decoder.ln.bias', shape: [h.nTextState], type: f32 });
  return tensors;
}

/** One transformer block: self-attention (+ cross-attention in the decoder) and the MLP. */
function blockTensors(prefix: string, n: number, weight: number, withCrossAttention: boolean): TensorSpec[] {
  const attention = (name: string): TensorSpec[] => [
    { name: `${prefix}.${name}_ln.weight`, shape: [n], type: GGML_TYPE_F32 },
    { name: `${prefix}.${name}_ln.bias`, shape: [n], type: GGML_TYPE_F32 },
    { name: `${prefix}.${name}.query.weight`, shape: [n, n], type: weight },
    { name: `${prefix}.${name}.query.bias`, shape: [n], type: GGML_TYPE_F32 },
    { name: `${prefix}.${name}.key.weight`, shape: [n, n], type: weight },
    { name: `${prefix}.${name}.value.weight`, shape: [n, n], type: weight },
    { name: `${prefix}.${name}.value.bias`, shape: [n], type: GGML_TYPE_F32 },
    { name: `${prefix}.${name}.out.weight`, shape: [n, n], type: weight },
    { name: `${prefix}.${name}.out.bias`, shape: [n], type: GGML_TYPE_F32 },
  ];
  return [
    ...attention('attn'),
    ...(withCrossAttention ? attention('cross_attn') : []),
    { name: `${prefix}.mlp_ln.weight`, shape: [n], type: GGML_TYPE_F32 },
    { name: `${prefix}.mlp_ln.bias`, shape: [n], type: GGML_TYPE_F32 },
    { name: `${prefix}.mlp.0.weight`, shape: [n, 4 * n], type: weight },
    { name: `${prefix}.mlp.0.bias`, shape: [4 * n], type: GGML_TYPE_F32 },
    { name: `${prefix}.mlp.2.weight`, shape: [4 * n, n], type: weight },
    { name: `${prefix}.mlp.2.bias`, shape: [n], type: GGML_TYPE_F32 },
  ];
}

/** Bytes per element of the two float types (quantized types are checked by whisper.cpp itself). */
export function bytesPerElement(type: number): number | null {
  if (type === GGML_TYPE_F32) return 4;
  if (type === GGML_TYPE_F16) return 2;
  return null;
}
