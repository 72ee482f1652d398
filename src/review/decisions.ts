/**
 * What a reviewer may decide about a label. A module of its own so the CLI can offer them without loading the signing
 * code.
 */
export const DECISIONS = ['approve', 'reject', 'amend'] as const;
export type Decision = (typeof DECISIONS)[number];
