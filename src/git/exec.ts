import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { GitStoreError } from './errors.js';

/**
 * Every git process this tool starts goes through here: an argument array (never a shell), the
 * user's GIT_* variables removed (a GIT_DIR, GIT_INDEX_FILE or GIT_WORK_TREE left in the environment
 * would otherwise redirect reads and, worse, writes to another repository), pathspecs taken
 * literally (a label named `a*.json` is that file, not a glob), paths printed unquoted, no hooks, no
 * pager, no prompts, no automatic gc in the middle of a command.
 */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!key.startsWith('GIT_') || KEPT.has(key)) env[key] = value;
  // The user's own config still applies (safe.directory, user.name); these are fixed. No optional
  // locks: a read (status refreshing stat data) must never take index.lock from under a writer.
  return {
    ...env,
    GIT_LITERAL_PATHSPECS: '1',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    LC_ALL: 'C',
    ...extra,
  };
}

/** Which config files git reads: a choice of the user's, not a redirection of where anything is written. */
const KEPT = new Set(['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM']);

const FIXED = [
  '-c',
  'core.quotepath=off',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'gc.auto=0',
  '-c',
  'maintenance.auto=false',
  '--no-pager',
];

export function gitArgv(cwd: string, args: readonly string[]): string[] {
  return ['-C', cwd, ...FIXED, ...args];
}

export interface RunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Exit codes that are answers, not failures (e.g. 1 for `symbolic-ref -q` on a detached HEAD). */
  okCodes?: readonly number[];
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Run one git command to completion; a nonzero exit outside okCodes throws with git's message. */
export function runGit(
  cwd: string,
  args: readonly string[],
  { input, env, okCodes = [] }: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      gitArgv(cwd, args),
      { env: gitEnv(env), encoding: 'buffer', maxBuffer: 1 << 30 },
      (error, stdout, stderr) => {
        const code = error
          ? typeof (error as { code?: unknown }).code === 'number'
            ? (error as { code: number }).code
            : -1
          : 0;
        const result = { stdout: stdout as Buffer, stderr: (stderr as Buffer).toString('utf8'), code };
        if (code === 0 || okCodes.includes(code)) resolve(result);
        else reject(gitFailed(args, result.stderr, code));
      },
    );
    if (input !== undefined) child.stdin!.end(input);
    else child.stdin!.end();
  });
}

/** git's text output as a string (trailing newline removed). */
export async function gitText(cwd: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  return (await runGit(cwd, args, options)).stdout.toString('utf8').replace(/\n$/, '');
}

/** A long-lived git process with piped stdio (cat-file, ls-tree streams). */
export function spawnGit(cwd: string, args: readonly string[], env?: Record<string, string>): ChildProcess {
  return spawn('git', gitArgv(cwd, args), { env: gitEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
}

export function gitFailed(args: readonly string[], stderr: string, code: number): GitStoreError {
  return new GitStoreError(
    'GIT_FAILED',
    `git ${args[0]} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`,
    { args: [...args], code, stderr },
  );
}

/** NUL-separated records (the -z outputs), the trailing empty one dropped. */
export function splitNul(out: Buffer): string[] {
  const text = out.toString('utf8');
  const parts = text.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** The NUL-terminated records of a stream (a -z output), as they arrive. */
export async function* nulRecords(stream: NodeJS.ReadableStream): AsyncIterable<string> {
  let rest = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let data = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
    let at = 0;
    for (let nul = data.indexOf(0, at); nul >= 0; nul = data.indexOf(0, at)) {
      yield data.toString('utf8', at, nul);
      at = nul + 1;
    }
    rest = Buffer.from(data.subarray(at));
    data = rest;
  }
  if (rest.length > 0) yield rest.toString('utf8');
}
