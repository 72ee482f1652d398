import { inputError } from '../errors/index.js';
import { type Repo, openRepo, readFileTextsAt } from '../git/index.js';
import type { Label } from '../label/types.js';
import { parseLabelText } from '../store/read.js';

/**
 * The labels at a ref (tag, branch, commit, HEAD, or the working tree when undefined) by repository path, with their
 * text.
 */
export async function labelFilesAtRef(repo: Repo, ref?: string): Promise<Map<string, { text: string; label: Label }>> {
  const texts = await readFileTextsAt(repo, { ref });
  const out = new Map<string, { text: string; label: Label }>();
  for (const [path, text] of texts) {
    if (!path.endsWith('.json')) continue;
    const parsed = parseLabelText(path, text);
    if (parsed.parseError)
      throw inputError('LABEL_BROKEN_JSON', `${path} at ${ref ?? 'the working tree'}: ${parsed.parseError.message}`, {
        file: path,
        ref,
      });
    out.set(path, { text, label: parsed.json as Label });
  }
  return out;
}

/** The labels at a ref, by id. */
export async function labelsAtRef(repo: Repo, ref?: string): Promise<Map<string, Label>> {
  const out = new Map<string, Label>();
  for (const { label } of (await labelFilesAtRef(repo, ref)).values()) out.set(label.id, label);
  return out;
}

/**
 * Library API (also exported under its old name, readLabelsAt): every label of the benchmark at `dir`
 * as it is at `ref` (default: the working tree), parsed.
 */
export async function readParsedLabelsAt(options: { dir: string; ref?: string }): Promise<Label[]> {
  return [...(await labelsAtRef(await openRepo({ dir: options.dir }), options.ref)).values()];
}
