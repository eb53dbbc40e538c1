import { randomBytes } from 'node:crypto';

/** Prefixes of every id Lectern mints; the id doubles as a folder or file name, so its shape is strict. */
export const ID_PREFIXES = ['prof', 'proj', 'run', 'att', 'fb', 'peer', 'pack', 'art', 'job', 'rec', 'upl', 'memo'] as const;
export type IdPrefix = (typeof ID_PREFIXES)[number];

/** `<prefix>_<32 lowercase hex>`: 128 random bits, like a UUIDv4 without dashes. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBytes(16).toString('hex')}`;
}

export function isId(prefix: IdPrefix, value: unknown): value is string {
  return typeof value === 'string' && new RegExp(`^${prefix}_[0-9a-f]{32}$`).test(value);
}
