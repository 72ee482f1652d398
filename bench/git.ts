/**
 * Benchmark of src/git against the git CLI on a synthetic label repository.
 *
 *   npx tsx bench/git.ts [--folders 100] [--per-folder 1000] [--changes 1000] [--commit-changes 100]
 *                        [--spread all|few] [--packed] [--runs 3] [--dir /tmp/x] [--keep] [--json]
 *
 * The fixture is written straight into the object store (writeBlob / writeTree / writeCommit, and an
 * index written from the files' stat data) rather than through 100,000 add() calls: it is scaffolding,
 * not the thing measured. With --packed the fixture is repacked by the git CLI (as a clone would be)
 * before anything is measured.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { lstat, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import git, { type TreeEntry } from 'isomorphic-git';
import {
  changedPaths,
  commitFiles,
  createTag,
  initRepo,
  listTags,
  pendingLabelChanges,
  openRepo,
  readLabelsAt,
  type Repo,
} from '../src/git/index.js';
import { forEachLimited } from '../src/git/limit.js';
import { canonicalJson } from '../src/store/canonical.js';

// ---------------------------------------------------------------------------------------------------
// Options

export interface BenchOptions {
  folders: number;
  perFolder: number;
  changes: number;
  commitChanges: number;
  spread: 'all' | 'few';
  packed: boolean;
  runs: number;
  dir?: string;
  keep: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    folders: 100, perFolder: 1000, changes: 1000, commitChanges: 100, spread: 'all', packed: false, runs: 3, keep: false, json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--folders': options.folders = Number(value()); break;
      case '--per-folder': options.perFolder = Number(value()); break;
      case '--changes': options.changes = Number(value()); break;
      case '--commit-changes': options.commitChanges = Number(value()); break;
      case '--spread': options.spread = value() === 'few' ? 'few' : 'all'; break;
      case '--packed': options.packed = true; break;
      case '--runs': options.runs = Number(value()); break;
      case '--dir': options.dir = value(); break;
      case '--keep': options.keep = true; break;
      case '--json': options.json = true; break;
      default: throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------
// Synthetic labels: ~1 KB of canonical JSON each, deterministic from (folder, index, version)

const WORDS = ('patient presented with acute onset of dyspnea chest pain fever creatinine serum mg dL history of ' +
  'hypertension diabetes mellitus admitted emergency department examination revealed blood pressure heart rate ' +
  'respiratory oxygen saturation laboratory results showed elevated troponin sodium potassium glucose').split(' ');

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function slugOf(folder: number): string {
  return `calc-${String(folder).padStart(3, '0')}`;
}

export function labelPathOf(folder: number, index: number, perFolder: number): string {
  const id = `test-${String(folder * perFolder + index + 1).padStart(6, '0')}`;
  return `labels/test/${slugOf(folder)}/${id}.json`;
}

export function syntheticLabel(folder: number, index: number, perFolder: number, version = 0): string {
  const random = rng(folder * 1_000_003 + index * 7 + 1);
  const words = Array.from({ length: 70 }, () => WORDS[Math.floor(random() * WORDS.length)]);
  const value = Math.round(random() * 100_000) / 1000 + version;
  const row = folder * perFolder + index + 1;
  return canonicalJson({
    id: `test-${String(row).padStart(6, '0')}`,
    split: 'test',
    calculator: { id: folder + 1, name: `Synthetic calculator ${folder + 1}`, category: 'lab' },
    source: {
      dataset: 'MedCalc-Bench', version: '1.0', row, calculatorId: folder + 1,
      noteId: `pmc-${Math.floor(random() * 9e6)}-1`, noteType: 'Extracted', outputType: 'decimal',
    },
    note: words.join(' '),
    question: `What is the patient's synthetic score ${folder + 1}?`,
    entities: { age: [Math.floor(random() * 90) + 1, 'years'], sex: random() < 0.5 ? 'Male' : 'Female' },
    answer: { kind: 'decimal', value, lower: value * 0.95, upper: value * 1.05 },
    explanation: `Computed from the synthetic inputs, version ${version}.`,
    status: version === 0 ? 'original' : 'relabeled',
    revision: null,
    signoffs: [],
  });
}

// ---------------------------------------------------------------------------------------------------
// Fixture: write files, blobs, trees, one commit and a matching index without add()

interface IndexRow {
  path: string;
  oid: string;
  stat: fs.Stats;
}

const AUTHOR = { name: 'Bench Runner', email: 'bench@example.invalid' };

export async function buildFixture(dir: string, options: Pick<BenchOptions, 'folders' | 'perFolder'>): Promise<Repo> {
  const repo = await initRepo({ dir });
  for (const [path, value] of [['gc.auto', '0'], ['user.name', AUTHOR.name], ['user.email', AUTHOR.email]] as const) {
    await git.setConfig({ fs, dir, path, value });
  }
  const rows: IndexRow[] = [];
  const folderEntries: TreeEntry[] = [];
  for (let folder = 0; folder < options.folders; folder++) {
    const slug = slugOf(folder);
    await mkdir(join(dir, 'labels/test', slug), { recursive: true });
    const entries: TreeEntry[] = new Array(options.perFolder);
    await forEachLimited(Array.from({ length: options.perFolder }, (_, i) => i), 32, async (index) => {
      const path = labelPathOf(folder, index, options.perFolder);
      const bytes = Buffer.from(syntheticLabel(folder, index, options.perFolder));
      await writeFile(join(dir, path), bytes);
      const oid = await git.writeBlob({ fs, dir, blob: bytes });
      entries[index] = { mode: '100644', path: path.slice(path.lastIndexOf('/') + 1), oid, type: 'blob' };
      rows.push({ path, oid, stat: await lstat(join(dir, path)) });
    });
    folderEntries.push({ mode: '040000', path: slug, oid: await git.writeTree({ fs, dir, tree: entries }), type: 'tree' });
  }
  const readme = Buffer.from('# Synthetic benchmark labels\n');
  await writeFile(join(dir, 'README.md'), readme);
  const readmeOid = await git.writeBlob({ fs, dir, blob: readme });
  rows.push({ path: 'README.md', oid: readmeOid, stat: await lstat(join(dir, 'README.md')) });
  const testTree = await git.writeTree({ fs, dir, tree: folderEntries });
  const labelsTree = await git.writeTree({ fs, dir, tree: [{ mode: '040000', path: 'test', oid: testTree, type: 'tree' }] });
  const rootTree = await git.writeTree({
    fs, dir, tree: [
      { mode: '100644', path: 'README.md', oid: readmeOid, type: 'blob' },
      { mode: '040000', path: 'labels', oid: labelsTree, type: 'tree' },
    ],
  });
  const now = Math.floor(Date.now() / 1000);
  const signature = { ...AUTHOR, timestamp: now, timezoneOffset: 0 };
  const commit = await git.writeCommit({
    fs, dir, commit: { message: 'Import synthetic labels\n', tree: rootTree, parent: [], author: signature, committer: signature },
  });
  await git.writeRef({ fs, dir, ref: 'refs/heads/main', value: commit, force: true });
  await writeIndex(join(dir, '.git/index'), rows);
  return openRepo({ dir });
}

/** A version-2 index (DIRC) holding `rows`, stat data as isomorphic-git normalises it. */
async function writeIndex(file: string, rows: IndexRow[]): Promise<void> {
  rows.sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(rows.length, 8);
  parts.push(header);
  const split = (ms: number): [number, number] => {
    const s = Math.floor(ms / 1000);
    return [s, Math.floor((ms - s * 1000) * 1_000_000)];
  };
  for (const { path, oid, stat } of rows) {
    const name = Buffer.from(path);
    const entry = Buffer.alloc(Math.ceil((62 + name.length + 1) / 8) * 8);
    const [cs, cn] = split(stat.ctimeMs);
    const [ms, mn] = split(stat.mtimeMs);
    const words = [cs, cn, ms, mn, stat.dev, stat.ino, 0o100644, stat.uid, stat.gid, stat.size];
    words.forEach((w, i) => entry.writeUInt32BE(w % 2 ** 32, i * 4));
    entry.write(oid, 40, 'hex');
    entry.writeUInt16BE(Math.min(name.length, 0xfff), 60);
    name.copy(entry, 62);
    parts.push(entry);
  }
  const body = Buffer.concat(parts);
  await writeFile(file, Buffer.concat([body, createHash('sha1').update(body).digest()]));
}

// ---------------------------------------------------------------------------------------------------
// Measuring

interface Sample {
  /** Best wall time of the runs. */
  ms: number;
  /** CPU time (user + system) of this process in that run; the CLI runs in child processes. */
  cpuMs: number;
  rssPeakMb: number;
}

let rssPeak = 0;
function sampleRss(): void {
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}

/** Time `task` (best of `runs`), sampling RSS every 5 ms while it runs. */
async function measure<T>(runs: number, task: () => Promise<T>): Promise<Sample & { result: T }> {
  let best = Infinity;
  let cpuMs = 0;
  let result: T | undefined;
  let peak = 0;
  for (let run = 0; run < runs; run++) {
    rssPeak = 0;
    const timer = setInterval(sampleRss, 5);
    const cpu = process.cpuUsage();
    const start = performance.now();
    result = await task();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    clearInterval(timer);
    sampleRss();
    if (ms < best) {
      best = ms;
      cpuMs = (used.user + used.system) / 1000;
    }
    peak = Math.max(peak, rssPeak);
  }
  return { ms: best, cpuMs, rssPeakMb: peak / 2 ** 20, result: result as T };
}

/** Run a CLI pipeline through the shell, returning its stdout; the CLI is only ever the yardstick. */
function shell(dir: string, command: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${command} exited ${code}`))));
    child.stdin.end(input ?? '');
  });
}

function pickChanges(options: BenchOptions, count: number, salt: number): Array<[number, number]> {
  const random = rng(4242 + salt);
  const folders = options.spread === 'all' ? options.folders : Math.max(1, Math.min(options.folders, Math.ceil(count / options.perFolder) + 2));
  const chosen = new Set<string>();
  const out: Array<[number, number]> = [];
  while (out.length < Math.min(count, folders * options.perFolder)) {
    const folder = Math.floor(random() * folders);
    const index = Math.floor(random() * options.perFolder);
    const key = `${folder}/${index}`;
    if (chosen.has(key)) continue;
    chosen.add(key);
    out.push([folder, index]);
  }
  return out;
}

async function rewrite(repo: Repo, picks: Array<[number, number]>, perFolder: number, version: number): Promise<string[]> {
  const paths: string[] = [];
  await forEachLimited(picks, 32, async ([folder, index]) => {
    const path = labelPathOf(folder, index, perFolder);
    await writeFile(join(repo.dir, path), syntheticLabel(folder, index, perFolder, version));
    paths.push(path);
  });
  return paths;
}

function maxRssFromTimeV(output: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
  return match ? Number(match[1]) / 1024 : undefined;
}

/** Peak RSS of a CLI command via /usr/bin/time -v when it is installed. */
async function cliPeakRss(dir: string, command: string): Promise<number | undefined> {
  if (!fs.existsSync('/usr/bin/time')) return undefined;
  try {
    const out = execFileSync('/usr/bin/time', ['-v', 'sh', '-c', `${command} >/dev/null`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    return maxRssFromTimeV(out.toString());
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    return maxRssFromTimeV(stderr);
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'steward-bench-git-')));
  const log = (line: string): void => {
    if (!options.json) console.log(line);
  };
  const report: Record<string, unknown> = { options: { ...options, dir } };
  try {
    let repo: Repo;
    const reuse = fs.existsSync(join(dir, '.git'));
    if (reuse) {
      repo = await openRepo({ dir });
      log(`fixture: reusing ${dir}`);
    } else {
      log(`fixture: ${options.folders} folders x ${options.perFolder} labels in ${dir}`);
      const start = performance.now();
      repo = await buildFixture(dir, options);
      report.fixtureMs = performance.now() - start;
      log(`  built in ${((report.fixtureMs as number) / 1000).toFixed(1)} s`);
    }
    const tags = await listTags(repo);
    if (!tags.some((tag) => tag.name === 'v1')) await createTag(repo, { name: 'v1', message: 'v1\n' });
    if (!tags.some((tag) => tag.name === 'v2')) {
      const picks = pickChanges(options, options.changes, 1);
      const changed = await rewrite(repo, picks, options.perFolder, 1);
      const start = performance.now();
      const v2 = await commitFiles(repo, { paths: changed, message: `Relabel ${changed.length} items\n` });
      report.commitChangesMs = performance.now() - start;
      log(`  committed ${changed.length} changes in ${(report.commitChangesMs as number).toFixed(0)} ms (${v2})`);
      await createTag(repo, { name: 'v2', message: 'v2\n' });
    }

    if (options.packed) {
      const start = performance.now();
      execFileSync('git', ['repack', '-adq'], { cwd: dir });
      execFileSync('git', ['prune-packed'], { cwd: dir });
      log(`  repacked by the git CLI in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
    // Measure from a cold handle, as a command would.
    const fresh = async (): Promise<Repo> => openRepo({ dir });

    // (a) diff v1 → v2 with the changed blobs' contents
    const diff = await measure(options.runs, async () => {
      repo = await fresh();
      const list = await changedPaths(repo, { from: 'v1', to: 'v2', withContent: true });
      return list.length;
    });
    const cliDiff = await measure(options.runs, async () => {
      const names = (await shell(dir, 'git diff --no-renames --raw --abbrev=40 v1 v2 -- labels')).toString();
      const oids = names.split('\n').filter(Boolean).flatMap((line) => {
        const [, , oldOid, newOid] = line.split(/\s+/);
        return [oldOid, newOid].filter((oid) => !/^0+$/.test(oid));
      });
      const blobs = await shell(dir, 'git cat-file --batch', oids.join('\n') + '\n');
      return { files: names.split('\n').filter(Boolean).length, bytes: blobs.length };
    });
    report.diff = { module: diff, cli: cliDiff, ratio: diff.ms / cliDiff.ms, cliPeakRssMb: await cliPeakRss(dir, 'git diff --raw v1 v2 -- labels') };
    log(`(a) changedPaths v1→v2 + blobs: ${diff.ms.toFixed(0)} ms (${diff.result} paths, peak RSS ${diff.rssPeakMb.toFixed(0)} MB); ` +
      `git diff + cat-file --batch: ${cliDiff.ms.toFixed(0)} ms (${cliDiff.result.files} paths); ratio ${(diff.ms / cliDiff.ms).toFixed(2)}`);

    // (b) every label at v1
    const read = await measure(options.runs, async () => {
      repo = await fresh();
      return (await readLabelsAt(repo, { ref: 'v1' })).size;
    });
    const cliRead = await measure(options.runs, async () => (await shell(dir, 'git archive v1 labels | wc -c')).toString().trim());
    report.read = { module: read, cli: cliRead, ratio: read.ms / cliRead.ms, cliPeakRssMb: await cliPeakRss(dir, 'git archive v1 labels') };
    log(`(b) readLabelsAt(v1): ${read.ms.toFixed(0)} ms (${read.result} files, peak RSS ${read.rssPeakMb.toFixed(0)} MB); ` +
      `git archive v1 labels: ${cliRead.ms.toFixed(0)} ms; ratio ${(read.ms / cliRead.ms).toFixed(2)}`);

    // (c) commit 100 changed labels (a fresh set each run)
    let run = 0;
    const commit = await measure(options.runs, async () => {
      run++;
      const paths = await rewrite(repo, pickChanges(options, options.commitChanges, 100 + run), options.perFolder, 1 + run);
      repo = await fresh();
      const start = performance.now();
      const oid = await commitFiles(repo, { paths, message: `Relabel ${paths.length} items\n` });
      return { oid, ms: performance.now() - start };
    });
    report.commit = { module: commit };
    log(`(c) commitFiles(${options.commitChanges} labels): ${commit.ms.toFixed(0)} ms including writing the files (commit alone ${commit.result.ms.toFixed(0)} ms), peak RSS ${commit.rssPeakMb.toFixed(0)} MB`);
    // (d) what `steward commit` asks first: the pending label changes, against git status
    await rewrite(repo, pickChanges(options, 10, 999), options.perFolder, 999);
    const pending = await measure(options.runs, async () => {
      repo = await fresh();
      return (await pendingLabelChanges(repo)).length;
    });
    const cliStatus = await measure(options.runs, async () => (await shell(dir, 'git status --porcelain -- labels')).toString().split('\n').filter(Boolean).length);
    report.status = { module: pending, cli: cliStatus, ratio: pending.ms / cliStatus.ms };
    log(`(d) pendingLabelChanges: ${pending.ms.toFixed(0)} ms (${pending.result} files, peak RSS ${pending.rssPeakMb.toFixed(0)} MB); ` +
      `git status --porcelain -- labels: ${cliStatus.ms.toFixed(0)} ms (${cliStatus.result}); ratio ${(pending.ms / cliStatus.ms).toFixed(2)}`);

    execFileSync('git', ['fsck', '--strict', '--no-dangling'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    log('git fsck --strict: ok');
    report.peakRssMb = process.resourceUsage().maxRSS / 1024;
    log(`process peak RSS (getrusage): ${(report.peakRssMb as number).toFixed(0)} MB`);
    if (options.json) console.log(JSON.stringify(report, null, 2));
  } finally {
    if (!options.keep && !options.dir) await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
