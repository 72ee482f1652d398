import { readFile } from 'node:fs/promises';
import { packagePath } from './package-root.js';

/** The gate workflow of this package, copied into a new benchmark at init. */
export const WORKFLOW_PATH = '.github/workflows/relabel-pr.yml';
/** Where GitHub reads code owners; the package's own file is looked for in the same places. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/**
 * The workflow as a benchmark repository runs it. This package's workflow builds the base's own tool
 * from a second checkout (`trusted/`) and runs `trusted/bin/steward.js`; a benchmark's base pins the
 * tool in its package.json, so the same second checkout installs it (no install scripts) and runs the
 * installed copy, and has nothing to build. The text is read from the package at run time, so a change
 * to the package's workflow reaches every new benchmark without a second copy to keep in step.
 */
export function benchmarkWorkflow(packageWorkflow: string): string {
  return packageWorkflow
    .replaceAll('node trusted/bin/steward.js', 'node trusted/node_modules/medcalc-steward/bin/steward.js')
    .replaceAll('node bin/steward.js', 'npx steward')
    .replaceAll('npm run build\n', 'npm run build --if-present\n');
}

export interface GithubFile {
  path: string;
  content: string;
}

/** The workflow and CODEOWNERS read from the package; a file the package does not ship is reported missing. */
export async function githubFiles(): Promise<{ files: GithubFile[]; missing: string[] }> {
  const files: GithubFile[] = [];
  const missing: string[] = [];
  const workflow = await readFile(packagePath(WORKFLOW_PATH), 'utf8').catch(() => null);
  if (workflow === null) missing.push(WORKFLOW_PATH);
  else files.push({ path: WORKFLOW_PATH, content: benchmarkWorkflow(workflow) });
  let owners: GithubFile | null = null;
  for (const path of CODEOWNERS_PATHS) {
    const text = await readFile(packagePath(path), 'utf8').catch(() => null);
    if (text !== null) {
      owners = { path, content: text };
      break;
    }
  }
  if (owners) files.push(owners);
  else missing.push('CODEOWNERS');
  return { files, missing };
}
