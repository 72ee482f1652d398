import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { type ErrorCode, inputError } from '../errors/index.js';

/**
 * Refuses a private-key path inside the benchmark repository. Both sides are compared after resolving
 * symbolic links (of the nearest existing folder when the file does not exist yet), so a link into
 * the repository does not slip through.
 */
export async function refuseInsideRepository(path: string, repositoryDir: string, code: ErrorCode): Promise<void> {
  const repo = await realpath(resolve(repositoryDir)).catch(() => resolve(repositoryDir));
  const target = await realpathOfNearest(resolve(path));
  const rel = relative(repo, target);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw inputError(
      code,
      `${path}: a private key must not live inside the benchmark repository ${repositoryDir}; keep it in your ` +
        `home folder (e.g. ~/.steward/<id>.pem)`,
      {
        file: path,
      },
    );
  }
}

async function realpathOfNearest(path: string): Promise<string> {
  const suffix: string[] = [];
  let current = path;
  for (;;) {
    try {
      return resolve(await realpath(current), ...suffix.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      suffix.push(current.slice(parent.length).replace(/^[\\/]/, ''));
      current = parent;
    }
  }
}
