import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gitCli } from '../helpers/git.js';

const CHILD = fileURLToPath(new URL('./steward-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** `steward <args>` as its own node process (through tsx), with extra environment (e.g. STEWARD_FAULT_AT). */
export function runSteward(
  args: string[],
  env: Record<string, string> = {},
  { killAfterMs }: { killAfterMs?: number } = {},
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', () => clearTimeout(timer));
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

/** `git fsck --strict` and whether it passed (the repository's objects and refs are sound). */
export function fsckClean(dir: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: gitCli(dir, ['fsck', '--strict', '--no-progress', '--no-dangling']) };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
  }
}

/** What git status says (empty: clean). */
export function gitStatus(dir: string): string {
  return gitCli(dir, ['status', '--porcelain=v1', '--untracked-files=all']).trim();
}
