// Terms the loop's output uses, each explained the first time it appears. The error categories' words
// come from the taxonomy the repository ships (schema/error-categories.json), so they stay in step.
import { readFileSync } from 'node:fs';

const categories = JSON.parse(
  readFileSync(new URL('../schema/error-categories.json', import.meta.url), 'utf8'),
).categories;

const TERMS = [
  ['root hash', "one sha256 over every label's content hash: two copies with the same root hash have the same labels."],
  ['confirmed', 'the recomputed answer matches the label.'],
  [
    'disagrees',
    'the recomputed answer differs from the label for a reason the audit cannot name (often an input misread ' +
      'from the note).',
  ],
  // 'other' and 'unclassified' are ordinary words in the output; the other ids are not.
  ...categories.filter((c) => c.id.includes('-') || c.id === 'incomputable').map((c) => [c.id, c.description]),
  ['abstained', 'the model answered N/A: right only when the label is incomputable.'],
  ['relabeled', "the answer was replaced; the old one is kept in the label's revision."],
  ['PASSED', "the gate passes: every changed label is valid and signed off as steward.config.json's policy asks."],
  ['Wilson', 'a 95% confidence interval for a proportion that behaves well for small counts.'],
  ['Newcombe', 'a 95% interval for the difference of two paired proportions (same items, two label versions).'],
  ['McNemar', 'an exact test of whether the items that flipped right and those that flipped wrong could be chance.'],
];

/**
 * Explanations ("   · term: what it means") of the terms in `text` not explained before; records them in `explained`.
 */
export function explainTerms(text, explained) {
  const out = [];
  for (const [term, meaning] of TERMS) {
    if (explained.has(term)) continue;
    const pattern = new RegExp(`(^|[^A-Za-z-])${term.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}($|[^A-Za-z-])`, 'i');
    if (!pattern.test(text)) continue;
    explained.add(term);
    out.push(`   · ${term}: ${meaning}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}
