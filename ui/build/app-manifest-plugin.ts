import type { Plugin } from 'vite';
import { appIconPng, appIconSvg } from './app-icon.js';

/** Sizes Chromium asks for to install a web app (192 for the shortcut, 512 for the splash and the store). */
const PNG_SIZES = [192, 512];

/**
 * Adds the web app manifest and its icons to the built UI, so that the app window has Lectern's name and icon and a
 * Chromium-family browser can install it. Drawn at build time (`app-icon.ts`): no image is downloaded or committed.
 */
export function appManifest(): Plugin {
  return {
    name: 'lectern-app-manifest',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'icon.svg', source: appIconSvg() });
      for (const size of PNG_SIZES) this.emitFile({ type: 'asset', fileName: `icon-${size}.png`, source: appIconPng(size) });
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: `${JSON.stringify(manifest(), null, 2)}\n` });
    },
  };
}

function manifest(): object {
  return {
    name: 'Lectern',
    short_name: 'Lectern',
    description: 'A local-first rehearsal coach: record a talk, get feedback, keep every attempt on your machine.',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f7f6f3',
    theme_color: '#2454c5',
    icons: [
      ...PNG_SIZES.map((size) => ({ src: `/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' })),
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
