import type { CommandSpec } from '../command.js';
import { auditCommand } from './audit.js';
import { calcCommand } from './calc.js';
import { citeCommand } from './cite.js';
import { commitCommand } from './commit.js';
import { diffCommand } from './diff.js';
import { exportCommand } from './export.js';
import { logCommand } from './log.js';
import { releaseCommand } from './release.js';
import { scoreCommand } from './score.js';
import { showCommand } from './show.js';
import { verifyCommand } from './verify.js';
import { importCommand } from './import.js';
import { initCommand } from './init.js';
import { summaryCommand } from './summary.js';
import { validateCommand } from './validate.js';
import { proposeCommand } from './propose.js';
import { keygenCommand } from './keygen.js';
import { reviewerCommand } from './reviewer.js';
import { signoffCommand } from './signoff.js';
import { checkCommand } from './check.js';
import { prBodyCommand } from './pr-body.js';
import { verifyLabelsCommand } from './verify-labels.js';
import { reviewCommand } from './review.js';
import { prCommand } from './pr.js';

/**
 * Every command, once each, in the order --help lists them: the flow of the work, from import to scoring.
 * Each keeps its own options type (defineCommand); here they are plain CommandSpecs for parseArgv.
 */
export const commands: readonly CommandSpec[] = [
  // a benchmark and its labels
  initCommand,
  importCommand,
  validateCommand,
  summaryCommand,
  // recompute and audit
  calcCommand,
  auditCommand,
  verifyLabelsCommand,
  // relabel, sign off, gate
  proposeCommand,
  keygenCommand,
  reviewerCommand,
  signoffCommand,
  reviewCommand,
  checkCommand,
  prBodyCommand,
  prCommand,
  commitCommand,
  // versions
  diffCommand,
  logCommand,
  showCommand,
  // releases and their users
  releaseCommand,
  citeCommand,
  exportCommand,
  verifyCommand,
  scoreCommand,
];
