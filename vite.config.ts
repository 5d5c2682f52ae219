/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The page's own chunks must not bundle the language core or the formats: they run in the
 * evaluation worker, and a value import from the UI would ship them twice and slow the first
 * load. Type imports are erased, so only real runtime code trips this.
 */
function workerOnlyModulesStayInTheWorker(): Plugin {
  return {
    name: 'worker-only-modules-stay-in-the-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const offending = chunk.moduleIds.filter((id) => /[\\/]src[\\/](core|formats)[\\/]/.test(id));
        if (offending.length > 0) {
          this.error(
            `${chunk.fileName} bundles modules that belong in the worker: ${offending.slice(0, 5).join(', ')}` +
              (offending.length > 5 ? ` and ${offending.length - 5} more` : ''),
          );
        }
      }
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path of any static server.
  base: './',
  plugins: [react(), workerOnlyModulesStayInTheWorker()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 6000,
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
