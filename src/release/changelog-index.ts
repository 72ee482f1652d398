export interface ChangelogEntry {
  version: string;
  date: string;
  count: number;
  relabeled: number;
  madeIncomputable: number;
  root: string;
}

/** CHANGELOG.md: one line per release, newest first, linking the full notes. */
export function changelogIndex(name: string, entries: ChangelogEntry[]): string {
  const lines = [
    `# ${name}: releases`,
    '',
    'Each release pins every label by its content hash; the notes give what changed, why, and how labels agree ' +
      'with physicians.',
    '',
  ];
  for (const e of entries) {
    lines.push(
      `- [${e.version}](changelogs/v${e.version}.md) (${e.date}): ${e.count} labels, ${e.relabeled} relabeled, ` +
        `${e.madeIncomputable} made incomputable; root \`${e.root}\``,
    );
  }
  return lines.join('\n') + '\n';
}
