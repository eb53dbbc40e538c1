import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { appManifest } from './build/app-manifest-plugin.js';

// Built with `npx vite build ui` from the repository root: the root is ui/, the output ui/dist (git-ignored), served by
// the loopback server under a CSP of `script-src 'self'; style-src 'self'`, so nothing may be inlined: scripts and
// styles go to files, assets are never turned into data URLs, and the AudioWorklet lives in public/ as its own file.
export default defineConfig({
  base: '/',
  plugins: [vue(), appManifest()],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
  },
});
