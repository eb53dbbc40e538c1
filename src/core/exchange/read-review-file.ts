import { REVIEW_FILE_MAX_BYTES, ReviewFileV1Schema, type ReviewFileV1 } from '../../contracts/exchange.js';
import { AppError } from '../../kernel/errors.js';
import { parseJsonOrNull } from '../../kernel/json.js';

/**
 * Reads a review file saved by the pack's viewer, as strictly as a pack: at most REVIEW_FILE_MAX_BYTES, UTF-8 text,
 * JSON of exactly the ReviewFileV1 shape (no unknown field, every length within REVIEW_LIMITS, scores 1 to 5). Any
 * failure throws a coded error; nothing has been written yet.
 */
export function readReviewFile(bytes: Buffer): ReviewFileV1 {
  if (bytes.length > REVIEW_FILE_MAX_BYTES) throw new AppError('review_file_too_large', 'A review file is never this large: it is not one saved by a Lectern pack.');
  const parsed = ReviewFileV1Schema.safeParse(parseJsonOrNull(decodeUtf8(bytes)));
  if (!parsed.success) throw new AppError('review_file_invalid', 'This is not a review file saved by a Lectern pack, or it was changed since.');
  return parsed.data;
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('review_file_invalid', 'This is not a review file saved by a Lectern pack, or it was changed since.');
  }
}

/** A zip starts with a local file header ("PK\x03\x04") or, when empty, the end record ("PK\x05\x06"). */
export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}
