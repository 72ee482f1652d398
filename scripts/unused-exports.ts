// Lists exports in src/ that nothing imports and src/ files that nothing imports: the candidates for dead code.
// Usage: npx tsx scripts/unused-exports.ts   (a report for a person to judge; it always exits 0)
// An exported type or a function used in its own file is listed too: the export may go, the code stays.
// Importers are src/, test/, bench/ and scripts/; src/index.ts is the public API, so all it exports counts as used.
// Names are followed through re-exports (`export { x } from`, `export * from`), so a barrel does not hide
// a dead function. It reads import and export statements with regular expressions, which is enough for this
// code base's style (one statement per import, no `export default`); a name it misses shows up as unused, and a
// grep settles it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const PUBLIC_API = join(ROOT, 'src', 'index.ts');

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'fixtures', 'out'].includes(e.name) ? [] : codeFiles(path);
    return /\.(ts|mjs|js)$/.test(e.name) ? [path] : [];
  });
}

interface ModuleInfo {
  /** Names declared and exported here. */
  local: Set<string>;
  /** Exported name → [source module, name there]. */
  reexports: Map<string, [string, string]>;
  /** Modules whose every export is re-exported here. */
  star: string[];
}

function resolveModule(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
    if (existsSync(candidate) && /\.(m?js)$/.test(candidate)) return candidate;
  }
  return undefined;
}

const names = (list: string) =>
  list
    .split(',')
    .map((s) => s.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((s) => {
      const [name, alias] = s.split(/\s+as\s+/);
      return [name.trim(), (alias ?? name).trim()] as const;
    });

const srcFiles = codeFiles(join(ROOT, 'src')).filter((f) => f.endsWith('.ts'));
const allFiles = ['src', 'test', 'bench', 'scripts'].flatMap((d) => codeFiles(join(ROOT, d)));
const modules = new Map<string, ModuleInfo>();
const texts = new Map(allFiles.map((f) => [f, readFileSync(f, 'utf8')]));

for (const file of srcFiles) {
  const text = texts.get(file)!;
  const info: ModuleInfo = { local: new Set(), reexports: new Map(), star: [] };
  const declared =
    /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([\w$]+)/gm;
  for (const m of text.matchAll(declared)) info.local.add(m[1]);
  for (const m of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'([^']+)'/gm)) {
    const target = resolveModule(file, m[2]);
    if (target) for (const [name, alias] of names(m[1])) info.reexports.set(alias, [target, name]);
  }
  for (const m of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}\s*;/gm)) {
    for (const [name, alias] of names(m[1])) info.local.add(alias === name ? name : alias);
  }
  for (const m of text.matchAll(/^export\s+\*\s+from\s*'([^']+)'/gm)) {
    const target = resolveModule(file, m[1]);
    if (target) info.star.push(target);
  }
  modules.set(file, info);
}

const used = new Set<string>(); // "file#name"
const importedFiles = new Set<string>();

function markUsed(file: string, name: string, seen = new Set<string>()): void {
  const key = `${file}#${name}`;
  if (seen.has(key)) return;
  seen.add(key);
  const info = modules.get(file);
  if (!info) return;
  used.add(key);
  const forwarded = info.reexports.get(name);
  if (forwarded) {
    importedFiles.add(forwarded[0]);
    markUsed(forwarded[0], forwarded[1], seen);
  }
  for (const target of info.star) {
    importedFiles.add(target);
    markUsed(target, name, seen);
  }
}

function markAll(file: string): void {
  const info = modules.get(file);
  if (!info) return;
  for (const name of info.local) markUsed(file, name);
  for (const name of info.reexports.keys()) markUsed(file, name);
  for (const target of info.star) {
    importedFiles.add(target);
    markAll(target);
  }
}

markAll(PUBLIC_API);
importedFiles.add(PUBLIC_API);
for (const [file, text] of texts) {
  const statements = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?([^;]*?)\s*from\s*'([^']+)'/g;
  for (const m of text.matchAll(statements)) {
    const target = resolveModule(file, m[2]);
    if (!target) continue;
    importedFiles.add(target);
    const clause = m[1];
    if (/\*\s+as\s+/.test(clause) || clause === '*') markAll(target);
    const braces = clause.match(/\{([^}]*)\}/);
    if (braces) for (const [name] of names(braces[1])) markUsed(target, name);
  }
  for (const m of text.matchAll(/import\(\s*['`]([^'`]+)['`]\s*\)/g)) {
    const target = resolveModule(file, m[1]);
    if (target) {
      importedFiles.add(target);
      markAll(target);
    }
  }
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) {
    const target = resolveModule(file, m[1]);
    if (target) importedFiles.add(target);
  }
}

const unusedExports: string[] = [];
for (const [file, info] of modules) {
  for (const name of info.local) {
    if (!used.has(`${file}#${name}`)) unusedExports.push(`${relative(ROOT, file)}: ${name}`);
  }
}
const unimported = srcFiles.filter((f) => !importedFiles.has(f)).map((f) => relative(ROOT, f));

console.log(`Exports in src/ that nothing imports (${unusedExports.length}):`);
for (const line of unusedExports.sort()) console.log(`  ${line}`);
console.log(`Files in src/ that nothing imports (${unimported.length}):`);
for (const line of unimported.sort()) console.log(`  ${line}`);
