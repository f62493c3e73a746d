import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Source path under `apps/web/src` (`kit/site.css`, `registration/register.client.ts`) → its built URL under `/assets/`. */
let manifest: Record<string, string> = {};

/** Reads what `scripts/build-web-assets.js` wrote; a page that names a missing asset fails loudly. */
export function loadAssetManifest(directory: string): void {
  const file = join(directory, 'manifest.json');
  if (!existsSync(file)) throw new Error(`no built assets in ${directory}: run npm run build (or node scripts/build-web-assets.js)`);
  manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
}

export function assetUrl(source: string): string {
  const url = manifest[source];
  if (!url) throw new Error(`no built asset for ${source}`);
  return url;
}
