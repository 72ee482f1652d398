// The harness's pattern for the answer in a model's raw output: `answer":` (either case of the first
// letter, so `final_answer":` matches too), spaces, then the shortest run of characters up to the
// first `}` on the same line. Its pitfalls are documented in docs/scoring.md.
const ANSWER_FIELD = /[Aa]nswer":\s*([^\n]*?)\}/g;

// The prompt's own placeholders, which a model sometimes echoes back.
const PLACEHOLDERS = new Set([
  'str(short_and_direct_answer_of_the_question)',
  'str(value which is the answer to the question)',
  'X.XX',
]);

/**
 * The last `"answer": …` field of a raw model output, as the MedCalc-Bench harness extracts it:
 * trimmed, then stripped of double quotes at either end. Undefined where the harness says "Not Found":
 * no such field, or a prompt placeholder.
 */
export function lastAnswerField(raw: string): string | undefined {
  if (!raw.includes('nswer":')) return undefined;
  let last: string | undefined;
  ANSWER_FIELD.lastIndex = 0;
  for (let m = ANSWER_FIELD.exec(raw); m !== null; m = ANSWER_FIELD.exec(raw)) last = m[1];
  if (last === undefined) return undefined;
  const value = last.trim().replace(/^"+|"+$/g, '');
  return PLACEHOLDERS.has(value) ? undefined : value;
}
