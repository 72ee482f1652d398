import type { CliIO } from '../cli/io.js';

/**
 * A progress line on stderr for a person at a terminal. Silent when stderr is piped, with --json (the
 * output is data for a program) and with --quiet. One line, redrawn at most every 100 ms; a step with
 * no known total shows its count ("reading labels 1234"), a phase shows its name.
 */
export interface Progress {
  /** `done` of `total` items of one step; `total` undefined when it is not known in advance. */
  tick(label: string, done: number, total?: number): void;
  /** A named phase of a command ("writing data/test-00000-of-00001.parquet"). */
  phase(label: string): void;
  /** Clears the line so what the command prints next starts on a clean line. */
  end(): void;
}

export interface ProgressOptions {
  io: Pick<CliIO, 'err' | 'isTTY'>;
  json?: boolean;
  quiet?: boolean;
  /** Milliseconds between redraws (tests pass 0). */
  interval?: number;
  now?: () => number;
}

const SILENT: Progress = { tick() {}, phase() {}, end() {} };

export function createProgress(options: ProgressOptions): Progress {
  if (options.json || options.quiet || !options.io.isTTY) return SILENT;
  const { io } = options;
  const interval = options.interval ?? 100;
  const now = options.now ?? Date.now;
  let last = -Infinity;
  let drawn = false;
  const draw = (text: string) => {
    // \x1b[K clears what a longer previous line left behind.
    io.err(`\r${text}\x1b[K`);
    drawn = true;
  };
  return {
    tick(label, done, total) {
      const t = now();
      const finished = total !== undefined && done >= total;
      if (!finished && t - last < interval) return;
      last = t;
      draw(total === undefined ? `${label} ${done}` : `${label} ${done}/${total}`);
    },
    phase(label) {
      last = now();
      draw(`${label}…`);
    },
    end() {
      if (drawn) io.err('\r\x1b[K');
      drawn = false;
    },
  };
}

/** The progress of a CLI command from its parsed arguments (--json, --quiet). */
export function progressFor(io: Pick<CliIO, 'err' | 'isTTY'>, args: { json?: unknown; quiet?: unknown }): Progress {
  return createProgress({ io, json: Boolean(args.json), quiet: Boolean(args.quiet) });
}
