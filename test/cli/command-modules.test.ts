import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { COMMAND_NAMES, loadAllCommands, loadCommand } from '../../src/cli/commands/modules.js';

// main() loads only the command an argv names (commands/modules.ts); yargs gets them all (commands/index.ts).
// The two lists must be the same commands, in the same (--help) order.
describe('the command modules table', () => {
  it('names every command of index.ts, in its order, and loads the same declarations', async () => {
    expect(COMMAND_NAMES).toEqual(commands.map((c) => c.command.split(' ')[0]));
    for (const [k, name] of COMMAND_NAMES.entries()) expect(await loadCommand(name)).toBe(commands[k]);
    expect(await loadAllCommands()).toBe(commands);
  });

  it('loads nothing for a name that is not a command', async () => {
    for (const name of ['', 'frob', 'constructor', '__proto__', 'toString', 'Diff']) {
      expect(await loadCommand(name)).toBeUndefined();
    }
  });
});
