import { catalogById } from '../calculators/catalog.js';
import type { Finding } from '../schema/findings.js';
import type { Answer, Label } from '../label/types.js';
import { parseLabelPath } from '../store/paths.js';

/** Checks one schema-valid label against its file path, the calculator catalog and its own answer. */
export function checkLabel(file: string, label: Label, categories: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  const add = (pointer: string, code: string, message: string) => out.push({ file, pointer, code, message });
  const entry = catalogById(label.calculator.id);
  if (!entry) add('/calculator/id', 'calculator/unknown', `unknown calculator id ${label.calculator.id}`);
  else {
    if (!entry.names.includes(label.calculator.name))
      add(
        '/calculator/name',
        'calculator/name',
        `"${label.calculator.name}" is not a name of calculator ${entry.id} (${entry.names[0]})`,
      );
    if (label.answer.kind !== 'incomputable' && label.answer.kind !== entry.kind)
      add('/answer/kind', 'answer/kind', `calculator ${entry.id} answers are ${entry.kind}, not ${label.answer.kind}`);
  }
  if (label.source.calculatorId !== label.calculator.id)
    add(
      '/source/calculatorId',
      'source/calculator',
      `source calculator ${label.source.calculatorId} differs from calculator ${label.calculator.id}`,
    );

  const parts = parseLabelPath(file);
  if (!parts) add('', 'path/layout', 'label files belong at labels/<split>/<calculator-slug>/<id>.json');
  else {
    if (parts.id !== label.id)
      add('/id', 'path/id', `id "${label.id}" does not match the file name "${parts.id}.json"`);
    if (parts.split !== label.split)
      add('/split', 'path/split', `split "${label.split}" does not match the folder "${parts.split}"`);
    if (entry && parts.slug !== entry.slug)
      add(
        '/calculator/id',
        'path/calculator',
        `calculator ${entry.id} belongs in folder "${entry.slug}", not "${parts.slug}"`,
      );
  }
  out.push(...checkLimits(file, '/answer', label.answer));
  if (label.revision) {
    out.push(...checkLimits(file, '/revision/previous', label.revision.previous));
    if (!categories.has(label.revision.category))
      add('/revision/category', 'revision/category', `unknown error category "${label.revision.category}"`);
  }
  if (label.status === 'incomputable' && label.answer.kind !== 'incomputable')
    add('/status', 'status/kind', 'status is incomputable but the answer has a value');
  if (label.status === 'relabeled' && !label.revision)
    add('/revision', 'status/revision', 'a relabeled item must record its revision');
  return out;
}

/** Limits consistent with the kind: decimals bracket the value; other kinds repeat it. */
export function checkLimits(file: string, pointer: string, answer: Answer): Finding[] {
  if (answer.kind === 'incomputable') return [];
  const bad = (message: string): Finding[] => [{ file, pointer, code: 'answer/limits', message }];
  if (answer.kind === 'decimal') {
    if (!(answer.lower <= answer.value && answer.value <= answer.upper))
      return bad(`limits [${answer.lower}, ${answer.upper}] do not contain ${answer.value}`);
    return [];
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (answer.kind === 'integer' && !Number.isInteger(answer.value))
    return [
      { file, pointer: `${pointer}/value`, code: 'answer/integer', message: `${answer.value} is not a whole number` },
    ];
  if (!same(answer.lower, answer.value) || !same(answer.upper, answer.value))
    return bad(`a ${answer.kind} answer needs lower = upper = value`);
  return [];
}
