import type { CommandSpec } from '../command.js';

/**
 * Each command's module by the command's name, in --help order, loaded only when asked for: a command
 * that runs loads its own declarations and nothing of the other twenty-three (each run() then loads
 * what that command needs). --help and usage errors load them all, through index.ts.
 * test/cli/command-modules.test.ts checks this table against index.ts.
 */
const MODULES: Record<string, () => Promise<CommandSpec>> = {
  init: async () => (await import('./init.js')).initCommand,
  import: async () => (await import('./import.js')).importCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  summary: async () => (await import('./summary.js')).summaryCommand,
  calc: async () => (await import('./calc.js')).calcCommand,
  audit: async () => (await import('./audit.js')).auditCommand,
  'verify-labels': async () => (await import('./verify-labels.js')).verifyLabelsCommand,
  propose: async () => (await import('./propose.js')).proposeCommand,
  keygen: async () => (await import('./keygen.js')).keygenCommand,
  reviewer: async () => (await import('./reviewer.js')).reviewerCommand,
  signoff: async () => (await import('./signoff.js')).signoffCommand,
  review: async () => (await import('./review.js')).reviewCommand,
  check: async () => (await import('./check.js')).checkCommand,
  'pr-body': async () => (await import('./pr-body.js')).prBodyCommand,
  pr: async () => (await import('./pr.js')).prCommand,
  commit: async () => (await import('./commit.js')).commitCommand,
  diff: async () => (await import('./diff.js')).diffCommand,
  log: async () => (await import('./log.js')).logCommand,
  show: async () => (await import('./show.js')).showCommand,
  release: async () => (await import('./release.js')).releaseCommand,
  cite: async () => (await import('./cite.js')).citeCommand,
  export: async () => (await import('./export.js')).exportCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  score: async () => (await import('./score.js')).scoreCommand,
};

/** Every command's name, in --help order. */
export const COMMAND_NAMES: readonly string[] = Object.keys(MODULES);

/** The command of this name, or undefined for a name that is not a command. */
export async function loadCommand(name: string): Promise<CommandSpec | undefined> {
  return Object.hasOwn(MODULES, name) ? MODULES[name]() : undefined;
}

/** Every command, in --help order (for yargs: help texts, usage errors, suggestions). */
export async function loadAllCommands(): Promise<readonly CommandSpec[]> {
  return (await import('./index.js')).commands;
}
