/**
 * Numbers as notes write them: "1.4", "1.40", "1,4" (decimal comma), "149,000" (thousands), "12-15" and
 * "12 to 15" (ranges: both ends are mentions), "7.6 x 10^9/L" and "7.6 × 10⁹/L" (scaled counts), "120/80"
 * (blood pressure: both sides). Each mention keeps its span and the text that follows it (for the unit).
 */

export interface NumberMention {
  value: number;
  start: number;
  end: number;
  text: string;
  /** Decimal places as written (for matching a rounded value). */
  decimals: number;
}

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

// A number with an optional thousands grouping or a decimal part (point or comma), then optionally a
// power-of-ten factor. Digits glued to letters ("T2", "COVID-19") are not numbers of interest but are
// harmless: they only add candidates.
// The number (thousands grouping, decimal point or comma), then an optional "× 10^n" or "x 10⁹" exponent.
const NUMBER = new RegExp(
  String.raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:[.,]\d+)?|\.\d+)` +
    String.raw`(\s*(?:x|×|\*)\s*10\s*(?:\^\s*|\*\*\s*)?([0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+))?`,
  'g',
);

export function numberMentions(note: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of note.matchAll(NUMBER)) {
    const raw = m[1];
    const start = m.index;
    const end = start + m[0].length;
    let value: number;
    let decimals = 0;
    if (/^\d{1,3}(,\d{3})+$/.test(raw)) {
      // "1,400" is a thousands grouping; "1,4" (one or two digits after the comma) is a decimal comma.
      value = Number(raw.replace(/,/g, ''));
    } else {
      const normal = raw.replace(',', '.');
      value = Number(normal);
      decimals = normal.includes('.') ? normal.length - normal.indexOf('.') - 1 : 0;
    }
    if (m[3]) value *= 10 ** Number([...m[3]].map((c) => SUPERSCRIPT[c] ?? c).join(''));
    if (!Number.isFinite(value)) continue;
    out.push({ value, start, end, text: m[0], decimals });
  }
  return out;
}

/** Up to 24 characters after the number, lower-cased: where its unit is (computed only when asked). */
export function textAfter(note: string, mention: NumberMention): string {
  return note.slice(mention.end, mention.end + 24).toLowerCase();
}

/**
 * True when a mention is the entity's number: equal, or equal after rounding the entity to the
 * mention's decimals (the note says 1.4, the entity 1.40 or 1.4), or the mention is a scaled count of
 * the same quantity (7.6 × 10⁹/L for 7600 /µL is matched by the unit step, not here).
 */
export function sameNumber(mention: NumberMention, value: number): boolean {
  if (mention.value === value) return true;
  const scale = 10 ** Math.max(mention.decimals, 0);
  if (Math.round(value * scale) / scale === mention.value) return true;
  return Math.abs(mention.value - value) <= 1e-9 * Math.max(1, Math.abs(value));
}
