import { resolve } from 'node:path';
import { defineCommand } from '../command.js';

export const citeCommand = defineCommand({
  command: 'cite [version]',
  describe: 'A citation of a release naming its version, date, commit and root hash (default: the latest release)',
  positionals: {
    version: { type: 'string', describe: 'Release version (default: latest)' },
  },
  options: {
    format: { choices: ['bibtex', 'cff', 'apa', 'json'], default: 'bibtex', describe: 'Citation format' },
  },
  async run(args, io) {
    const { loadConfig } = await import('../../config/config.js');
    const { inputError } = await import('../../errors/index.js');
    const { openRepo } = await import('../../git/index.js');
    const { citationApa, citationBibtex, citationCff, citationFactsOf } = await import('../../release/citation.js');
    const { readReleaseRecord } = await import('../../release/load-labels.js');
    const { latestRelease, listReleases } = await import('../../release/releases.js');
    const dir = resolve(args.dir);
    const repo = await openRepo({ dir });
    const version = args.version ?? latestRelease(await listReleases(repo))?.version;
    if (!version) throw inputError('NO_RELEASE', 'no release yet: make one with steward release <version>', {});
    const { record, tag, commit, trust } = await readReleaseRecord(repo, version);
    const config = await loadConfig(dir);
    // Every format names the label commit, as the release's CITATION.cff does (it cannot name the commit it is in).
    const facts = citationFactsOf(record, config, commit);
    const format = args.json ? 'json' : args.format;
    if (format === 'json') io.out(JSON.stringify({ ...facts, tag, signedBy: trust.signer }, null, 2) + '\n');
    else io.err(`release ${record.version}: ${trust.note}\n`);
    if (format === 'json') return 0;
    if (format === 'cff') io.out(citationCff(facts));
    else if (format === 'apa') io.out(citationApa(facts));
    else io.out(citationBibtex(facts));
    return 0;
  },
});
