import { StewardError } from '../../src/errors/index.js';

/** The StewardError `fn` throws (any other error is rethrown; no error fails the test). */
export function errorOf(fn: () => unknown): StewardError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StewardError) return error;
    throw error;
  }
  throw new Error('expected an error');
}
