// The same renderer, built on its own for headless mode (`hookbench serve`).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  build: { outDir: resolve(import.meta.dirname, 'out/web'), emptyOutDir: true },
});
