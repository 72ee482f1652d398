import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  type: string;
  body: Buffer;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The page's own files: beside this module in src/, or in src/ when this module runs from dist/. */
const PAGE_DIR = [join(here, 'page'), join(here, '..', '..', 'src', 'review-app', 'page')].find((d) =>
  existsSync(join(d, 'index.html')),
);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function contentTypeOf(file: string): string {
  return TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream';
}

/**
 * Every file the page may load, read once at start, by URL path. Preact and htm are the npm packages'
 * own ES module builds, served from node_modules (no CDN, no build step); the one bare import in
 * preact/hooks ("preact") is pointed at our copy, as an import map would, without an inline script.
 */
export function loadAssets(): Map<string, Asset> {
  if (!PAGE_DIR) throw new Error(`the review page's files (src/review-app/page) are missing beside ${here}`);
  const require = createRequire(import.meta.url);
  const assets = new Map<string, Asset>();
  for (const name of ['index.html', 'app.js', 'views.js', 'decision.js', 'decision-form.js', 'keys.js', 'style.css']) {
    assets.set(name === 'index.html' ? '/' : `/${name}`, {
      type: contentTypeOf(name),
      body: readFileSync(join(PAGE_DIR, name)),
    });
  }
  const preact = readFileSync(require.resolve('preact'));
  const hooks = readFileSync(require.resolve('preact/hooks'), 'utf8').replaceAll('from"preact"', 'from"./preact.mjs"');
  const htm = readFileSync(join(dirname(require.resolve('htm')), 'htm.mjs'));
  assets.set('/vendor/preact.mjs', { type: TYPES['.mjs'], body: preact });
  assets.set('/vendor/hooks.mjs', { type: TYPES['.mjs'], body: Buffer.from(hooks) });
  assets.set('/vendor/htm.mjs', { type: TYPES['.mjs'], body: htm });
  return assets;
}
