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

/**
 * The page's Content-Security-Policy, as a meta element in the built page (a static site has no
 * headers of its own). Nothing from another origin, no inline or evaluated script in the page,
 * images only from the page itself or data URLs (so no value in a hover or a link can fetch a
 * remote pixel). Styles may be inline: Monaco and React set them at run time. The evaluation
 * worker is a same-origin file with no policy of its own, so its generated predicate
 * (`new Function`) keeps working. The dev server injects inline scripts, so only builds get it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path of any static server.
  base: './',
  plugins: [react(), workerOnlyModulesStayInTheWorker(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    // The largest chunk is Monaco's (about 3.4 MB minified), loaded lazily with the editors; a
    // chunk past it warns. The entry chunk has its own budget, checked by `npm run size`.
    chunkSizeWarningLimit: 3600,
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
