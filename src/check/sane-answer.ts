import type { Answer } from '../label/types.js';

/** The largest magnitude a computed answer may have: far above any clinical calculator's output. */
const MAX_MAGNITUDE = 1e9;

/**
 * Why an answer's value and limits are not sane, or undefined when they are. The grading harness
 * passes any prediction within [lower, upper], so limits of ±1e300 turn an item into a free point:
 * limits must be finite, hold the value, and a decimal's band may be no wider than the value itself
 * (MedCalc-Bench uses ±5%); every other kind has lower = upper = value.
 */
export function insaneAnswer(answer: Answer): string | undefined {
  if (answer.kind === 'incomputable') return undefined;
  if (answer.kind === 'decimal') {
    const { value, lower, upper } = answer;
    const numbers = [value, lower, upper];
    if (!numbers.every((x) => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= MAX_MAGNITUDE))
      return (
        `value and limits must be finite numbers within ±${MAX_MAGNITUDE} (value ${value}, limits ` +
        `${lower}..${upper})`
      );
    if (!(lower <= value && value <= upper)) return `the limits ${lower}..${upper} do not hold the value ${value}`;
    if (upper - lower > Math.max(Math.abs(value), 1))
      return `the limits ${lower}..${upper} are wider than the value ${value} itself (MedCalc-Bench uses ±5%)`;
    return undefined;
  }
  if (answer.kind === 'integer' && !(Number.isSafeInteger(answer.value) && Math.abs(answer.value) <= MAX_MAGNITUDE))
    return `the value ${answer.value} is not a whole number within ±${MAX_MAGNITUDE}`;
  const same =
    JSON.stringify(answer.lower) === JSON.stringify(answer.value) &&
    JSON.stringify(answer.upper) === JSON.stringify(answer.value);
  return same
    ? undefined
    : `a ${answer.kind} answer has lower = upper = value (value ${JSON.stringify(answer.value)}, limits ` +
        `${JSON.stringify(answer.lower)}..${JSON.stringify(answer.upper)})`;
}
