import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Every dependency is bundled: lowdb, steno and jose are ESM-only and the Electron main
// build is CommonJS, so bundling is the robust route (see shared/design/toolchain.md).
const bundleEverything = { build: { externalizeDeps: false } } as const;
// '@shared/…' is src/shared, the one typed contract every layer imports (tsconfig.json `paths`).
const resolveShared = { alias: { '@shared': resolve(__dirname, 'src/shared') } };

export default defineConfig({
  main: {
    ...bundleEverything,
    resolve: resolveShared,
    build: { ...bundleEverything.build, rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } } },
  },
  preload: {
    resolve: resolveShared,
    // The preload stays CommonJS so the window can keep sandbox: true.
    build: { externalizeDeps: false, rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, output: { format: 'cjs' } } },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    resolve: resolveShared,
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
  },
});
