// Reads every label at a ref through streamLabelsAt (the built module) and prints files and bytes:
// the read path of export/verify/release as one process, for bench/git.ts.
//   node bench/read-all.mjs <dir> <ref>      (after npm run build)
import { openRepo, streamLabelsAt } from '../dist/git/index.js';

const [dir, ref] = process.argv.slice(2);
const repo = await openRepo({ dir });
let files = 0;
let bytes = 0;
for await (const file of streamLabelsAt(repo, { ref, prefix: 'labels' })) {
  files++;
  bytes += file.bytes.length;
}
process.stdout.write(`${files} ${bytes}\n`);
