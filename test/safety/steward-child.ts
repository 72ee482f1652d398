// The CLI as a separate process, from the sources (tests spawn it: real concurrency, real kill -9).
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
