import { readFile } from 'node:fs/promises';
import { inputError } from '../errors/index.js';
import { decodeUtf8 } from '../store/utf8.js';

/** The text of a local file or an http(s) URL; a clear error names whichever could not be read. */
export async function readSourceText(source: string, options: { timeoutMs?: number } = {}): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw inputError('UNREACHABLE_URL', `${source}: could not be fetched (${cause})`, { file: source });
    }
    if (!response.ok)
      throw inputError('UNREACHABLE_URL', `${source}: HTTP ${response.status} ${response.statusText}`, {
        file: source,
        status: response.status,
      });
    return decodeUtf8(new Uint8Array(await response.arrayBuffer()), source);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(
      'FILE_NOT_READABLE',
      `${source}: ` +
        `${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (error as Error).message}`,
      { file: source },
    );
  }
  return decodeUtf8(bytes, source);
}
