import { defineConfig } from 'vite';

/** Builds the command-line tool into build/cli/ (run through bin/eql-playground.js). */
export default defineConfig({
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'build/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'main.js' }, checks: { bundlerTimings: false } },
  },
  ssr: { noExternal: true },
});
