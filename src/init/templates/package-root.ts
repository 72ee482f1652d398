import { dirname, join } from 'node:path';
import { PACKAGE_SCHEMA_DIR } from '../../schema/load.js';

/** This package's own folder (beside schema/), from src/ in development and dist/ when installed. */
export const PACKAGE_ROOT = dirname(PACKAGE_SCHEMA_DIR);

export const packagePath = (...parts: string[]) => join(PACKAGE_ROOT, ...parts);
