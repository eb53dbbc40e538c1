/** A little-endian reader over exactly these bytes (a Buffer may be a window into a larger pooled ArrayBuffer). */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
