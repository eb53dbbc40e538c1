/**
 * The software Lectern ships with (the npm packages installed with it and the UI's own bundle), with the licence
 * each is distributed under, for the About page. Zod-free, so the UI imports it at run time. A test
 * (test/contracts/bundled-software.test.ts) compares it with the installed packages: every production dependency is
 * listed with the licence its package.json declares, and every licence of the libraries they pull in is in
 * DEPENDENCY_LICENCES, so this list cannot drift from what is installed.
 */
export interface BundledComponent {
  name: string;
  /** SPDX identifier (or "Public domain" for SQLite, which has no licence). */
  licence: string;
  /** The npm package that carries it (checked by the test; `*` stands for the platform's own optional package); null
   * for code vendored inside another package. */
  npmPackage: string | null;
  role: { en: string; fr: string };
}

export const BUNDLED_SOFTWARE: readonly BundledComponent[] = [
  {
    name: 'SQLite',
    licence: 'Public domain',
    npmPackage: null,
    role: { en: 'the databases (inside better-sqlite3)', fr: 'les bases de données (dans better-sqlite3)' },
  },
  { name: 'better-sqlite3', licence: 'MIT', npmPackage: 'better-sqlite3', role: { en: 'access to SQLite', fr: 'l’accès à SQLite' } },
  {
    name: 'whisper.cpp',
    licence: 'MIT',
    npmPackage: null,
    role: { en: 'speech recognition (inside @fugood/node-whisper)', fr: 'la reconnaissance vocale (dans @fugood/node-whisper)' },
  },
  {
    name: '@fugood/node-whisper',
    licence: 'MIT',
    npmPackage: '@fugood/node-whisper-*',
    role: { en: 'whisper.cpp for Node.js (one package per platform)', fr: 'whisper.cpp pour Node.js (un paquet par plateforme)' },
  },
  { name: 'zod', licence: 'MIT', npmPackage: 'zod', role: { en: 'checking every request', fr: 'la vérification de chaque requête' } },
  { name: 'commander', licence: 'MIT', npmPackage: 'commander', role: { en: 'the lectern command', fr: 'la commande lectern' } },
  { name: 'pino', licence: 'MIT', npmPackage: 'pino', role: { en: 'the log file', fr: 'le fichier journal' } },
  { name: 'Vue', licence: 'MIT', npmPackage: 'vue', role: { en: 'this interface', fr: 'cette interface' } },
  { name: 'Vue Router', licence: 'MIT', npmPackage: 'vue-router', role: { en: 'the pages of this interface', fr: 'les pages de cette interface' } },
];

/** The licences of the libraries the components above pull in (each is permissive). */
export const DEPENDENCY_LICENCES: readonly string[] = [
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '(MIT OR WTFPL)',
  '(BSD-2-Clause OR MIT OR Apache-2.0)',
];
