// Bundles the page script (src/browser/page.ts) with Chart.js into one minified IIFE, dist/page.bundle.js,
// which renderHtmlReport inlines into every page. Runs after `tsc -b` in the package's build.
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';

mkdirSync(new URL('../dist', import.meta.url), { recursive: true });
const result = await build({
  entryPoints: [new URL('../src/browser/page.ts', import.meta.url).pathname],
  outfile: new URL('../dist/page.bundle.js', import.meta.url).pathname,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome111', 'firefox111', 'safari16'],
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
if (process.env.AVER_BUNDLE_REPORT === '1') console.log(`page.bundle.js: ${bytes} bytes`);
