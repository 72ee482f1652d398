/**
 * Lines joined into texts of about `chars` characters each: large exports (hundreds of MB, near the
 * longest string V8 allows) are written in pieces of this size, never as one string.
 */
export function* batches(lines: Iterable<string>, chars = 4 * 2 ** 20): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const line of lines) {
    batch.push(line);
    size += line.length;
    if (size >= chars) {
      yield batch.join('');
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield batch.join('');
}
