import { type ErrorCode, inputError } from '../errors/index.js';

/**
 * JSON.parse with an input error that names the file and the line and column of the problem, for
 * files people edit by hand (config, release records). Keys stay data: JSON.parse keeps "__proto__"
 * as an own property.
 */
export function parseJsonText(text: string, file: string, code: ErrorCode = 'BROKEN_JSON'): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const place = at ? lineColumnOf(text, Number(at[1])) : undefined;
    const where = place ? `:${place.line}:${place.column}` : '';
    throw inputError(code, `${file}${where}: invalid JSON: ${message}`, { file, ...place });
  }
}

/** 1-based line and column of a 0-based offset into text. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
