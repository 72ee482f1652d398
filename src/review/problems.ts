/** What can be wrong with one sign-off, as data (codes are stable; messages are for people). */
export type SignoffProblemCode = 'unknown-reviewer' | 'bad-signature' | 'stale-signoff' | 'role-mismatch';

export interface SignoffProblem {
  code: SignoffProblemCode;
  message: string;
  reviewer: string;
  /** Position of the sign-off in the label's `signoffs`. */
  index?: number;
}
