import type { Answer } from '../label/types.js';

/** A label's answer for people: "25.238 [23.976, 26.5]", "4", "03/21/2006", "(9 weeks, 6 days)", "N/A". */
export function formatLabelAnswer(answer: Answer): string {
  switch (answer.kind) {
    case 'incomputable':
      return 'N/A';
    case 'decimal':
      return `${answer.value} [${answer.lower}, ${answer.upper}]`;
    case 'integer':
      return String(answer.value);
    case 'date':
      return answer.value;
    case 'gestational-age':
      return `(${answer.value[0]} weeks, ${answer.value[1]} days)`;
  }
}
