/** Warnings for converted values no living patient can have: in the data nearly always a unit typo in the note. */
import type { Inputs } from './inputs.js';

/**
 * Adds a warning step when a converted value is outside what a living patient can have; in the data this
 * is nearly always a unit typo in the note (sodium "137 mg/dL", albumin "3.2 mg/dL"). The value is still
 * used: judging the entity is the reviewer's call, the trace makes it visible.
 */
export function flagImplausible(
  inputs: Inputs,
  what: string,
  value: number,
  [low, high]: [number, number],
  unit: string,
): void {
  if (inputs.isV1 || (value >= low && value <= high)) return;
  inputs.step(
    `warning: ${what} ${value} ${unit} is outside the plausible ${low}–${high} ${unit}; check the unit in the note`,
    { [what]: value },
    true,
  );
}
