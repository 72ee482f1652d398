import { inputError } from '../errors/index.js';
import { isAbstention, parseNumber } from '../label/answer.js';
import type { ComputableKind } from '../label/types.js';
import { type PhysicianValue, parsePhysicianValue } from './physician-value.js';

/**
 * A maintainer's reading of a physician text, from `--read 'TEXT=VALUE'`: VALUE is a value of the
 * calculator's kind ("N/A" for incomputable) or `reject` (record a rejection for someone to resolve).
 */
export interface TextReading {
  text: string;
  value: string;
}

/** How one free-text physician value was read, for the table the import prints (and --json gives). */
export interface FreeTextReading {
  text: string;
  /** What it was read as: a value (null = N/A), or undefined when it stands for no single value. */
  value?: PhysicianValue;
  how: 'number with a unit' | 'a spelling of N/A' | 'no single value' | 'by --read' | 'read as a value';
  /** Items (label ids) whose physician wrote this text. */
  ids: string[];
}

export interface TextReader {
  /** The physician value a text stands for; undefined when it is no single value (then a rejection). */
  read(kind: ComputableKind, text: string, id: string): PhysicianValue | undefined;
  /** The free texts met so far (everything but plain numbers and dates), in the order first met. */
  readings(): FreeTextReading[];
  /** Refuses --read texts that matched nothing (a typo would otherwise be silently ignored). */
  assertAllUsed(file: string): void;
}

const key = (text: string) => text.trim().toLowerCase();

/** Parses `--read` options ("Multiple=N/A"): the text is everything before the last "=". */
export function parseTextReadings(options: readonly string[]): TextReading[] {
  return options.map((o) => {
    const at = o.lastIndexOf('=');
    if (at <= 0 || at === o.length - 1)
      throw inputError('USAGE', `--read "${o}": expected TEXT=VALUE (a value, N/A, or reject)`, { option: o });
    return { text: o.slice(0, at).trim(), value: o.slice(at + 1).trim() };
  });
}

/**
 * Reads physician texts for an import: numbers, numbers with a unit, dates, N/A spellings, and what the
 * maintainer mapped with --read. Every text that is not a plain number is listed in `readings()` so the
 * user sees how it was taken and can change it ("Multiple" is a rejection unless mapped, e.g. to N/A).
 */
export function textReader(mappings: readonly TextReading[]): TextReader {
  const mapped = new Map(mappings.map((m) => [key(m.text), m]));
  const used = new Set<string>();
  const table = new Map<string, FreeTextReading>();
  return {
    read(kind, text, id) {
      const t = text.trim();
      const m = mapped.get(key(t));
      let value: PhysicianValue | undefined;
      let how: FreeTextReading['how'];
      if (m) {
        used.add(key(t));
        if (m.value.toLowerCase() === 'reject') value = undefined;
        else {
          value = parsePhysicianValue(kind, m.value);
          if (value === undefined)
            throw inputError(
              'USAGE',
              `--read "${m.text}=${m.value}": "${m.value}" is not a ${kind} value, N/A or reject (for ${id})`,
              { id },
            );
        }
        how = 'by --read';
      } else {
        value = parsePhysicianValue(kind, t);
        if (value === undefined) how = 'no single value';
        else if (value === null) how = 'a spelling of N/A';
        else if (typeof value === 'number' && parseNumber(t) === undefined) how = 'number with a unit';
        else how = 'read as a value';
      }
      const plain = how === 'read as a value' && !isAbstention(t);
      if (!plain) {
        const row = table.get(t) ?? { text: t, ...(value !== undefined ? { value } : {}), how, ids: [] };
        row.ids.push(id);
        table.set(t, row);
      }
      return value;
    },
    readings: () => [...table.values()],
    assertAllUsed(file) {
      const unused = mappings.filter((m) => !used.has(key(m.text)));
      if (unused.length > 0) {
        throw inputError(
          'USAGE',
          `${file}: --read ${unused.map((u) => `"${u.text}"`).join(', ')} matched no physician value in the ` +
            `file; nothing was changed`,
          { file },
        );
      }
    },
  };
}

/** The table of readings as the CLI prints it. */
export function formatReadings(readings: readonly FreeTextReading[]): string[] {
  if (readings.length === 0) return [];
  const shown = (r: FreeTextReading) =>
    r.value === undefined ? 'rejection' : r.value === null ? 'N/A' : String(r.value);
  const rows = readings.map((r) => [
    `"${r.text}"`,
    `${shown(r)} (${r.how})`,
    r.ids.length > 3 ? `${r.ids.slice(0, 3).join(', ')} and ${r.ids.length - 3} more` : r.ids.join(', '),
  ]);
  const width = [0, 1].map((c) => Math.max(c === 0 ? 4 : 7, ...rows.map((r) => r[c].length)));
  const fmt = (r: string[]) => `  ${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2]}`;
  return [
    "How the physicians' free-text values were read (change one with --read 'TEXT=VALUE', VALUE a value, N/A or " +
      'reject):',
    fmt(['text', 'read as', 'items']),
    ...rows.map(fmt),
  ];
}
