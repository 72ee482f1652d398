import { withRepositoryLock } from '../git/lock.js';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONFIG_FILE, DEFAULT_POLICY } from '../config/config.js';
import { inputError } from '../errors/index.js';
import { commitFiles, initRepo } from '../git/index.js';
import { defaultIdentity } from '../git/default-identity.js';
import { PACKAGE_SCHEMA_DIR } from '../schema/load.js';
import { type FirstMaintainerOptions, firstMaintainerFiles } from './first-maintainer.js';
import { benchmarkTemplates } from './templates/index.js';

const FOLDERS = ['labels', 'schema', 'reviewers', 'changelogs'];

/**
 * Creates an empty benchmark repository: the folders, a config with the default sign-off policy, the
 * label schema and error taxonomy (the taxonomy is the benchmark's to extend), and a git repository.
 * Refuses a folder that already has files, so it never mixes into someone's work. The skeleton is
 * committed when a git identity is known (GIT_AUTHOR_*, git config); otherwise it is left to commit.
 */
export async function initBenchmark(options: {
  dir: string;
  name?: string;
  /** The first maintainer, registered in the first commit: the root of trust. */
  maintainer?: Omit<FirstMaintainerOptions, 'dir'>;
}): Promise<{
  created: string[];
  commit: string | null;
  notShipped: string[];
  maintainer?: { id: string; keyPath: string; generated: boolean; publicKey: string };
}> {
  // One writer at a time, its half-done work undone if it is killed (src/git/lock.ts).
  return withRepositoryLock(options.dir, 'init', () => initBenchmarkLocked(options));
}

async function initBenchmarkLocked(options: {
  dir: string;
  name?: string;
  /** The first maintainer, registered in the first commit: the root of trust. */
  maintainer?: Omit<FirstMaintainerOptions, 'dir'>;
}): Promise<{
  created: string[];
  commit: string | null;
  notShipped: string[];
  maintainer?: { id: string; keyPath: string; generated: boolean; publicKey: string };
}> {
  const existing = (await readdir(options.dir).catch(() => [] as string[])).filter((name) => name !== '.steward.lock');
  if (existing.length > 0)
    throw inputError('DIR_NOT_EMPTY', `${options.dir}: folder is not empty; init needs a new or empty folder`, {
      file: options.dir,
    });
  // Settled (the key read or generated, outside the folder) before anything is written.
  const maintainer = options.maintainer
    ? await firstMaintainerFiles({ ...options.maintainer, dir: options.dir })
    : undefined;
  const created: string[] = [];
  for (const folder of FOLDERS) {
    await mkdir(join(options.dir, folder), { recursive: true });
    await writeFile(join(options.dir, folder, '.gitkeep'), '');
    created.push(`${folder}/`);
  }
  for (const file of [
    'label.schema.json',
    'reviewer.schema.json',
    'release.schema.json',
    'error-categories.json',
    'error-categories.schema.json',
    'trust-change.schema.json',
  ]) {
    await copyFile(join(PACKAGE_SCHEMA_DIR, file), join(options.dir, 'schema', file));
    created.push(`schema/${file}`);
  }
  const config = { name: options.name ?? 'benchmark', policy: DEFAULT_POLICY };
  await writeFile(join(options.dir, CONFIG_FILE), JSON.stringify(config, null, 2) + '\n');
  created.push(CONFIG_FILE);
  for (const f of maintainer?.files ?? []) {
    await mkdir(dirname(join(options.dir, f.path)), { recursive: true });
    await writeFile(join(options.dir, f.path), f.content);
    created.push(f.path);
  }
  const templates = await benchmarkTemplates({ name: config.name });
  for (const file of templates.files) {
    await mkdir(dirname(join(options.dir, file.path)), { recursive: true });
    await writeFile(join(options.dir, file.path), file.content);
    created.push(file.path);
  }
  const repo = await initRepo({ dir: options.dir });
  created.push('.git/');
  // The skeleton is committed when an identity is known, so the first import diffs against it.
  const author = await defaultIdentity(repo);
  const files = created.filter((c) => !c.endsWith('/')).concat(FOLDERS.map((f) => `${f}/.gitkeep`));
  const commit = author
    ? await commitFiles(repo, { paths: files, message: `Initialize benchmark repository ${config.name}`, author })
    : null;
  const registered = maintainer && {
    id: maintainer.reviewer.id,
    keyPath: maintainer.keyPath,
    generated: maintainer.generated,
    publicKey: maintainer.reviewer.publicKey,
  };
  return { created, commit, notShipped: templates.missing, ...(registered ? { maintainer: registered } : {}) };
}
