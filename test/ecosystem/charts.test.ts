import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { barChartSvg, escapeXml } from '../../src/charts/svg.js';
import { agreementChartSvg, errorsChartSvg } from '../../src/release/charts.js';
import type { ReleaseStatistics } from '../../src/release/statistics.js';
import { useTestIdentity } from '../helpers/git.js';
import { releasedDemo } from './demo-repo.js';

beforeAll(useTestIdentity);

const share = (count: number, total: number, lower: number, upper: number) => ({
  count,
  share: count / total,
  lower,
  upper,
});

/** Statistics of a made-up release of 200 labels: 6 relabeled in two categories, 40 with physician values. */
const statistics = {
  total: 200,
  previousTotal: 200,
  added: 0,
  removed: 0,
  relabeled: 5,
  madeIncomputable: 1,
  confirmed: 3,
  unchanged: 191,
  otherEdits: 0,
  byCategory: {
    'calculator-logic-mismatch': share(4, 200, 0.0078, 0.0503),
    'extraction-error': share(2, 200, 0.0027, 0.0358),
  },
  byCalculator: { '21': { ...share(6, 200, 0.0138, 0.0639), name: 'Glasgow Coma Score <GCS> & "verbal"' } },
  physicianSigned: 6,
  verifierOnly: 0,
  agreement: {
    rule: 'r',
    items: 40,
    previous: { k: 10, n: 40, percent: 25, lower: 0.1419, upper: 0.4019 },
    proposed: { k: 30, n: 40, percent: 75, lower: 0.5981, upper: 0.8581 },
    paired: null,
    kappa: null,
    valuesWithUnits: [],
    unreadable: [],
  },
} as unknown as ReleaseStatistics;

const record = { name: 'bench', version: '1.1.0', previousVersion: '1.0.0', statistics };

describe('SVG charts', () => {
  it('are well-formed XML with the numbers, the intervals and escaped names', () => {
    const errors = errorsChartSvg(record);
    expect(XMLValidator.validate(errors)).toBe(true);
    expect(errors).toContain('6 of 200 labels changed');
    expect(errors).toContain('calculator-logic-mismatch');
    expect(errors).toContain('4 (2.0%, 95% CI 0.8%–5.0%)');
    expect(errors).toContain('Glasgow Coma Score &lt;GCS&gt; &amp; &quot;verbal&quot; (21)');
    const tree = new XMLParser({ ignoreAttributes: false }).parse(errors);
    expect(tree.svg['@_xmlns']).toBe('http://www.w3.org/2000/svg');
    const agreement = agreementChartSvg(record);
    expect(XMLValidator.validate(agreement)).toBe(true);
    expect(agreement).toContain('10/40 (25.0%, 95% CI 14.2%–40.2%)');
    expect(agreement).toContain('30/40 (75.0%, 95% CI 59.8%–85.8%)');
    // The released labels on physician-reviewed items are the physicians' values: never charted as agreement.
    expect(agreement).not.toContain('this release');
    expect(agreement).toContain('previous release (1.0.0)');
  });

  it('draw bar lengths in proportion and whiskers at the interval ends', () => {
    const svg = barChartSvg({
      title: 't',
      sections: [{ title: 's', unit: 'share', rows: [{ label: 'half', value: 0.5, lower: 0.25, upper: 0.75 }] }],
    });
    // The bar area is 330 px wide from x = 300: 0.5 → 165 px, the whisker from 382.5 to 547.5.
    expect(svg).toMatch(/<rect x="300" y="\d+" width="165" height="14"/);
    expect(svg).toContain('M382.5 ');
    expect(svg).toContain('H547.5');
  });

  it('escape every XML special character and say when a section is empty', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const svg = barChartSvg({
      title: '</svg><script>',
      sections: [{ title: 'none', unit: 'count', rows: [], empty: 'No label changed.' }],
    });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('No label changed.');
  });

  it('a release writes both charts beside its notes and the notes link them', async () => {
    const dir = await releasedDemo();
    const notes = readFileSync(join(dir, 'changelogs/v0.1.0.md'), 'utf8');
    expect(notes).toContain('](v0.1.0-errors.svg)');
    expect(notes).toContain('](v0.1.0-agreement.svg)');
    for (const name of ['v0.1.0-errors.svg', 'v0.1.0-agreement.svg'])
      expect(XMLValidator.validate(readFileSync(join(dir, 'changelogs', name), 'utf8'))).toBe(true);
  });
});
