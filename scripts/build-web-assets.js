#!/usr/bin/env node
// `npm run build` after tsc: the web entry's client scripts (`apps/web/src/**/*.client.ts`) and its
// stylesheet (`apps/web/src/kit/site.css`), bundled and minified by esbuild into
// `dist/apps/web/assets/` with a content hash in each name, and a manifest that maps each source
// (relative to apps/web/src) to its URL under /assets/. Usage: node scripts/build-web-assets.js [outdir]
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';

const sourceRoot = resolve('apps/web/src');
const outdir = resolve(process.argv[2] ?? 'dist/apps/web/assets');

function entries(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entries(path);
    return entry.name.endsWith('.client.ts') || entry.name === 'site.css' ? [path] : [];
  });
}

const entryPoints = entries(sourceRoot);
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  entryPoints,
  outdir,
  outbase: sourceRoot,
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022', 'chrome109', 'firefox115', 'safari15.4'],
  entryNames: '[dir]/[name]-[hash]',
  metafile: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});

const manifest = {};
for (const [output, { entryPoint }] of Object.entries(result.metafile.outputs)) {
  if (!entryPoint) continue;
  manifest[relative(sourceRoot, resolve(entryPoint))] = '/assets/' + relative(outdir, resolve(output)).split('\\').join('/');
}
// Compressed once here, at the highest settings, so that the web entry serves them without work.
for (const output of Object.keys(result.metafile.outputs)) {
  if (!/\.(js|css)$/.test(output)) continue;
  const content = readFileSync(output);
  writeFileSync(`${output}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${output}.gz`, gzipSync(content, { level: 9 }));
}
writeFileSync(join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`web assets: ${Object.keys(manifest).length} built into ${relative(process.cwd(), outdir)}`);
