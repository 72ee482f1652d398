import type { Label } from '../label/types.js';

/**
 * The unit a calculator's answer is given in, as its question asks for it ("… in terms of mL/min?",
 * "Compute the ideal body weight (kg)"). Undefined when the question names none (scores, dates).
 */
export function answerUnit(label: Pick<Label, 'question'>): string | undefined {
  const q = label.question;
  const terms = /in terms of ([^?]+?)\s*[?.]?\s*$/i.exec(q) ?? /in terms of ([^?.,;]+)/i.exec(q);
  if (terms) return terms[1].trim();
  const paren = /\(([^()]*?[a-zA-Zµ%][^()]*?)\)/.exec(q);
  if (
    paren &&
    /^(?:[a-zA-Zµ%²³/·.\d ^-]+)$/.test(paren[1]) &&
    paren[1].length <= 16 &&
    !/\b(?:weeks|days|formula|score)\b/i.test(paren[1])
  )
    return paren[1].trim();
  return undefined;
}
