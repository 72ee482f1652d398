// node rewrite.mjs DIR N TAG: rewrite N labels spread over the tree (noteId suffix), as bench/git.ts does
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const [dir, n, tag] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const files = execFileSync('git', ['ls-files', 'labels'], {
  cwd: dir,
  encoding: 'utf8',
  maxBuffer: 1 << 30,
  env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
})
  .split('\n')
  .filter((p) => p.endsWith('.json'));
const step = Math.max(1, Math.floor(files.length / n));
for (let i = 0; i < n; i++) {
  const path = join(dir, files[(i * step) % files.length]);
  const label = JSON.parse(readFileSync(path, 'utf8'));
  label.source.noteId = `${label.source.noteId.replace(/~.*$/, '')}~${tag}`;
  writeFileSync(path, JSON.stringify(label, null, 2) + '\n');
}
