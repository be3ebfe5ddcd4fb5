// Bundles what a fresh isolate loads for the js target into one CommonJS file next to the tsc output in dist/
// (run by `pnpm build` after tsc), the way @aver/bench-runner bundles the vm target: one file is parsed and
// compiled once instead of a hundred ES modules resolved one by one, and CommonJS lets the runner hand each
// isolate a V8 code cache of the previous one.
//
//   dist/js-target.bundle.cjs  this package's target with @aver/vm-runtime (the js target's moduleUrl)
//
// `import.meta.url` has no CommonJS equivalent, so each use is rewritten to the URL the file has unbundled:
// files of this package sit next to the bundle in dist/; files of another package are found through that
// package's `package.json` (resolved with the bundle's `require`), so the bundle keeps working wherever the
// packages are installed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const BUNDLE_URL = '__averBundleUrl';

/** The nearest folder above `file` with a package.json, and the package's name. */
function packageOf(file) {
  let dir = path.dirname(file);
  for (;;) {
    try {
      const { name } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      return { root: dir, name };
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error(`bundle-target: no package.json above ${file}`);
      dir = parent;
    }
  }
}

/** The expression that gives `file`'s own URL at run time, from inside a bundle in dist/. */
function urlExpression(file) {
  const own = path.relative(dist, file);
  if (!own.startsWith('..'))
    return `new URL(${JSON.stringify(own.split(path.sep).join('/'))}, ${BUNDLE_URL}).href`;
  const { root, name } = packageOf(file);
  const inPackage = path.relative(root, file).split(path.sep).join('/');
  const packageJson = `require('node:url').pathToFileURL(require.resolve(${JSON.stringify(`${name}/package.json`)}))`;
  return `new URL(${JSON.stringify(inPackage)}, ${packageJson}).href`;
}

/** `createRequire(import.meta.url)('../package.json')`: a package's own manifest, read when it loads. */
const OWN_PACKAGE_JSON = /createRequire\(import\.meta\.url\)\((['"])(\.\.\/package\.json)\1\)/g;

const importMetaUrl = {
  name: 'import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.js$/ }, (args) => {
      let contents = readFileSync(args.path, 'utf8');
      if (!contents.includes('import.meta.url')) return undefined;
      // A bundle is built for one version of each package, so the manifest is read now: an isolate then skips a
      // package resolution and a file read.
      contents = contents.replace(OWN_PACKAGE_JSON, (_call, _quote, relative) =>
        JSON.stringify(JSON.parse(readFileSync(path.join(path.dirname(args.path), relative), 'utf8'))),
      );
      return { contents: contents.replaceAll('import.meta.url', urlExpression(args.path)), loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: { 'js-target.bundle': path.join(dist, 'js-target.js') },
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The bundle is strict-mode code, like the ES modules it comes from: the directive must come first.
  banner: { js: `'use strict';\nconst ${BUNDLE_URL} = require('node:url').pathToFileURL(__filename).href;` },
  plugins: [importMetaUrl],
  // Only resolved at run time (see urlExpression), never bundled.
  external: ['*/package.json'],
  metafile: process.env.BUNDLE_META === '1',
  logLevel: 'warning',
});
if (result.metafile) {
  const inputs = Object.entries(result.metafile.outputs)[0][1].inputs;
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) console.log(bytesInOutput, file);
}
