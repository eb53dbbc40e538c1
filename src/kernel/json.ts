/** JSON.parse that answers null instead of throwing: for files and settings that may have been damaged or edited. */
export function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
