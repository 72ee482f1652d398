import { decodeUtf8 } from '../store/utf8.js';

/** Where a command writes: injected so tests capture output instead of spawning processes. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: progress may be drawn there. */
  isTTY: boolean;
  /** Standard input, for commands that read from '-'. */
  stdin?: () => Promise<string>;
}

export const processIO: CliIO = {
  out: (text) => {
    quietOnClosedPipe();
    process.stdout.write(text);
  },
  err: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return decodeUtf8(Buffer.concat(chunks), '<stdin>');
  },
};

let guarded = false;

/**
 * A reader that stops early (`steward diff v1 | head`) closes the pipe: the next write fails with
 * EPIPE. Nobody is left to read the rest, so the command ends there, quietly and successfully, as
 * Unix tools do, instead of dying with a stack trace. Any other stdout error is still an error.
 */
function quietOnClosedPipe(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** A progress line on stderr, only for a person at a terminal: never when piped or with --json. */
export function progress(io: CliIO, enabled: boolean): (label: string, done: number, total: number) => void {
  if (!enabled || !io.isTTY) return () => {};
  let last = 0;
  return (label, done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    io.err(`\r${label} ${done}/${total}${done >= total ? '\n' : ''}`);
  };
}
