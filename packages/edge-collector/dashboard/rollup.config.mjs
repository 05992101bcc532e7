import { join } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

// The dashboard: one ES module for the first load (Preact, htm, uPlot and the app),
// written into the Worker's static assets by scripts/build-assets.mjs.
const here = import.meta.dirname;

export default {
  input: join(here, 'src/main.ts'),
  output: {
    file: join(here, '../public/assets/app.js'),
    format: 'es',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true }),
    typescript({ tsconfig: join(here, 'tsconfig.json'), noEmit: false, outDir: undefined }),
    terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
};
