/**
 * The largest upload the server stages (a pack is at most 300 MiB; a 2-hour recording fits). The server refuses a
 * larger body before writing it, and the UI refuses a larger file before sending a byte, with the same number.
 */
export const UPLOAD_MAX_BYTES = 300 * 1024 * 1024;
