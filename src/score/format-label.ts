import type { Answer } from '../label/types.js';

// Limits are 0.95·x and 1.05·x in binary floating point (91.59150000000001); twelve significant
// digits show them as people wrote them without hiding any difference that decides a grade in practice.
const shown = (x: number): string => String(Number(x.toPrecision(12)));

/** A label's answer for people: "25.238 [23.976, 26.5]", "4", "03/21/2006", "(9 weeks, 6 days)", "N/A". */
export function formatLabelAnswer(answer: Answer): string {
  switch (answer.kind) {
    case 'incomputable':
      return 'N/A';
    case 'decimal':
      return `${shown(answer.value)} [${shown(answer.lower)}, ${shown(answer.upper)}]`;
    case 'integer':
      return shown(answer.value);
    case 'date':
      return answer.value;
    case 'gestational-age':
      return `(${answer.value[0]} weeks, ${answer.value[1]} days)`;
  }
}
