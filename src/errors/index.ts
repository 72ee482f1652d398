/**
 * Errors the tool raises on purpose. Each carries a stable `code` that callers branch on and a `data`
 * payload naming the file and the place (row, column, JSON pointer); messages are for people.
 * Only the CLI entry point turns them into output and exit codes.
 */
import type { ErrorCode } from './codes.js';

export type { ErrorCode } from './codes.js';
export type ErrorKind = 'input' | 'usage' | 'findings';

export class StewardError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly data: Record<string, unknown> = {},
    readonly kind: ErrorKind = 'input',
  ) {
    super(message);
    this.name = 'StewardError';
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, data: this.data };
  }
}

/** Bad input: a file, a row, a value the user gave (exit 2). */
export function inputError(code: ErrorCode, message: string, data: Record<string, unknown> = {}): StewardError {
  return new StewardError(code, message, data, 'input');
}

/** A check that ran and found problems (exit 1). */
export function findingsError(code: ErrorCode, message: string, data: Record<string, unknown> = {}): StewardError {
  return new StewardError(code, message, data, 'findings');
}

/** "file:row:column" or "file /pointer" as people read locations. */
export function describePlace(place: {
  file?: string;
  row?: number;
  line?: number;
  column?: string;
  pointer?: string;
}): string {
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.column !== undefined) parts.push(`column "${place.column}"`);
  if (place.pointer !== undefined) parts.push(place.pointer || '/');
  return parts.join(', ');
}
