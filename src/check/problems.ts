import type { SignoffProblemCode } from '../review/problems.js';

/** Every way a label can fail the gate; a discriminated union on `code`, so formatters can switch over it. */
export type CheckProblemCode =
  | 'invalid-label'
  | 'missing-signoff'
  | 'rejected'
  | 'unrecorded-change'
  | 'removed'
  | 'signoff-lost'
  | 'revoked-reviewer'
  | 'self-approval'
  | 'insane-answer'
  | SignoffProblemCode;

export interface CheckProblem {
  code: CheckProblemCode;
  message: string;
  /** The reviewer a sign-off problem concerns. */
  reviewer?: string;
  /** JSON pointer of a validation finding. */
  pointer?: string;
}
