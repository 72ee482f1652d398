/**
 * Horizontal bar charts with interval whiskers as standalone SVG text: no dependency, no script, fonts
 * the viewer has. GitHub renders an SVG referenced from Markdown, so release notes can show them.
 */
export interface BarRow {
  label: string;
  /** The bar's length, in the section's unit. */
  value: number;
  /** A 95% interval drawn as a whisker over the bar. */
  lower?: number;
  upper?: number;
  /** Written after the bar ("12 (3.4%)"); default: the value. */
  text?: string;
  /** Which series the bar belongs to (a legend entry, a colour). */
  series?: number;
}

export interface ChartSection {
  title: string;
  rows: BarRow[];
  /** 'share' draws 0–100%; 'count' draws 0…max. */
  unit: 'share' | 'count';
  /** Shown when the section has no rows. */
  empty?: string;
}

export interface ChartOptions {
  title: string;
  subtitle?: string;
  sections: ChartSection[];
  /** Names of the series, for the legend (when more than one). */
  series?: string[];
}

const COLOURS = ['#4C72B0', '#DD8452', '#55A868', '#C44E52'];
const WIDTH = 760;
const LABEL_WIDTH = 300;
const BAR_AREA = 330;
const ROW = 20;

/** Text safe in SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

const fixed = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(2)) : 0);

/** The chart as SVG text. */
export function barChartSvg(options: ChartOptions): string {
  const parts: string[] = [];
  let y = 28;
  parts.push(`<text x="12" y="${y}" font-size="16" font-weight="bold">${escapeXml(options.title)}</text>`);
  if (options.subtitle) {
    y += 18;
    parts.push(`<text x="12" y="${y}" font-size="12" fill="#555">${escapeXml(options.subtitle)}</text>`);
  }
  if (options.series && options.series.length > 1) {
    y += 20;
    options.series.forEach((name, k) => {
      const x = 12 + k * 180;
      parts.push(`<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${COLOURS[k % COLOURS.length]}"/>`);
      parts.push(`<text x="${x + 18}" y="${y}" font-size="12">${escapeXml(name)}</text>`);
    });
  }
  for (const section of options.sections) {
    y += 30;
    parts.push(`<text x="12" y="${y}" font-size="13" font-weight="bold">${escapeXml(section.title)}</text>`);
    y += 8;
    if (section.rows.length === 0) {
      y += ROW;
      parts.push(
        `<text x="12" y="${y - 6}" font-size="12" fill="#555">${escapeXml(section.empty ?? 'nothing to show')}</text>`,
      );
      continue;
    }
    const max = section.unit === 'share' ? 1 : Math.max(1, ...section.rows.map((r) => Math.max(r.value, r.upper ?? 0)));
    const scale = (v: number) => fixed(LABEL_WIDTH + (BAR_AREA * Math.max(0, Math.min(v, max))) / max);
    for (const row of section.rows) {
      y += ROW;
      const top = y - 14;
      const colour = COLOURS[(row.series ?? 0) % COLOURS.length];
      parts.push(
        `<text x="${LABEL_WIDTH - 8}" y="${y - 4}" font-size="12" text-anchor="end">${escapeXml(row.label)}</text>`,
      );
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${top}" width="${fixed(scale(row.value) - LABEL_WIDTH)}" height="14" ` +
          `fill="${colour}"><title>${escapeXml(`${row.label}: ${row.text ?? String(row.value)}`)}</title></rect>`,
      );
      if (row.lower !== undefined && row.upper !== undefined) {
        const [a, b] = [scale(row.lower), scale(row.upper)];
        const mid = top + 7;
        parts.push(
          `<path d="M${a} ${mid}H${b}M${a} ${top + 2}V${top + 12}M${b} ${top + 2}V${top + 12}" stroke="#222" ` +
            `stroke-width="1.2" fill="none"/>`,
        );
      }
      parts.push(
        `<text x="${LABEL_WIDTH + BAR_AREA + 8}" y="${y - 4}" ` +
          `font-size="12">${escapeXml(row.text ?? String(row.value))}</text>`,
      );
    }
    const axis = y + 6;
    const ticks = section.unit === 'share' ? [0, 0.25, 0.5, 0.75, 1] : [0, max / 2, max];
    parts.push(`<path d="M${LABEL_WIDTH} ${axis}H${LABEL_WIDTH + BAR_AREA}" stroke="#999"/>`);
    for (const t of ticks) {
      const label = section.unit === 'share' ? `${Math.round(t * 100)}%` : String(Number(t.toFixed(1)));
      parts.push(
        `<text x="${scale(t)}" y="${axis + 14}" font-size="10" text-anchor="middle" fill="#555">${label}</text>`,
      );
    }
    y = axis + 16;
  }
  const height = y + 16;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ` +
      `${height}" font-family="Helvetica, Arial, sans-serif" role="img" aria-label="${escapeXml(options.title)}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

export const percent = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
