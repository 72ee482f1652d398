/**
 * What bench/git.ts and bench/scale.ts share: one process timed under /usr/bin/time (wall seconds and
 * peak RSS from wait4), several summed as one measurement, min / median of repeated runs, and the git
 * lines that do the same I/O as a steward read or diff.
 */
import { spawnSync } from 'node:child_process';

export interface Sample {
  seconds: number;
  rssMb: number;
}

export const benchEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.org',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.org',
};

/**
 * One process under /usr/bin/time: wall seconds and peak RSS (a failure throws with its stderr). With
 * `discard`, its output goes to /dev/null rather than into this process (1M labels are 4.5 GB).
 */
export function timed(
  command: string,
  args: string[],
  cwd: string,
  input?: Buffer,
  { discard = false } = {},
): Sample & { stdout: Buffer } {
  const out = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    cwd,
    env: benchEnv,
    input,
    maxBuffer: 1 << 30,
    stdio: ['pipe', discard ? 'ignore' : 'pipe', 'pipe'],
  });
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${out.error ?? out.stderr.toString()}`);
  const [seconds, kb] = out.stderr.toString().trim().split('\n').pop()!.split(' ').map(Number);
  return { seconds, rssMb: kb / 1024, stdout: out.stdout ?? Buffer.alloc(0) };
}

/** Several processes one after another, as one measurement: summed time, the largest RSS. */
export function sum(samples: Sample[]): Sample {
  return { seconds: samples.reduce((a, s) => a + s.seconds, 0), rssMb: Math.max(...samples.map((s) => s.rssMb)) };
}

export function stats(samples: Sample[]): { min: number; median: number; rssMb: number } {
  const s = samples.map((x) => x.seconds).sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], rssMb: Math.max(...samples.map((x) => x.rssMb)) };
}

/** A diff with both sides' texts, as git: `diff-tree -r -z` then `cat-file --batch` of every blob it names. */
export function catFileBoth(dir: string, from: string, to: string): Sample {
  const diff = timed('git', ['diff-tree', '-r', '-z', '--no-renames', from, to, '--', 'labels'], dir);
  const fields = diff.stdout.toString().split('\0');
  const oids: string[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, , a, b] = fields[i].slice(1).split(' ');
    for (const oid of [a, b]) if (!/^0+$/.test(oid)) oids.push(oid);
  }
  return sum([diff, timed('git', ['cat-file', '--batch'], dir, Buffer.from(oids.join('\n') + '\n'))]);
}

/** Every label at a ref, as git: `ls-tree -r -z` then `cat-file --batch` of every blob. */
export function readAllGit(dir: string, ref: string): Sample {
  const list = timed('git', ['ls-tree', '-r', '-z', ref, '--', 'labels'], dir);
  const oids = list.stdout
    .toString()
    .split('\0')
    .filter(Boolean)
    .map((r) => r.slice(0, r.indexOf('\t')).split(' ')[2]);
  const input = Buffer.from(oids.join('\n') + '\n');
  return sum([list, timed('git', ['cat-file', '--batch'], dir, input, { discard: true })]);
}
