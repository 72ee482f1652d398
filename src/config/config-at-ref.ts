import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Repo, readFileTextsAt } from '../git/index.js';
import { StewardError } from '../errors/index.js';
import { CONFIG_FILE, type StewardConfig, loadConfig } from './config.js';

/**
 * The benchmark's config as committed at `commit` (never the working tree): the trust root's sign-off
 * policy. The text is parsed by config.ts's own parser (loadConfig), so the base and the working tree
 * are read by exactly the same rules; a missing file means the defaults, as it does on disk.
 */
export async function loadConfigAt(repo: Repo, commit: string): Promise<StewardConfig> {
  const files = await readFileTextsAt(repo, { ref: commit, prefix: CONFIG_FILE });
  const text = files.get(CONFIG_FILE);
  const scratch = await mkdtemp(join(tmpdir(), 'steward-config-'));
  try {
    if (text !== undefined) await writeFile(join(scratch, CONFIG_FILE), text, { mode: 0o600 });
    return await loadConfig(scratch);
  } catch (error) {
    if (error instanceof StewardError) {
      throw new StewardError(
        error.code,
        `${CONFIG_FILE} at ${commit.slice(0, 10)}: ${error.message}`,
        { ...error.data, commit },
        error.kind,
      );
    }
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
