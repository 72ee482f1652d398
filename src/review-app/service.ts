import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CheckResult, runCheck } from '../check/run-check.js';
import type { SignoffStatus } from '../check/evaluate-label.js';
import { loadConfig } from '../config/config.js';
import { inputError } from '../errors/index.js';
import type { Label } from '../label/types.js';
import { answerKindOf } from '../core/answer-kind.js';
import { type Reviewer, readReviewers } from '../review/reviewer.js';
import { signLabels } from '../review/sign-labels.js';
import { verifySignoff } from '../review/verify-signoff.js';
import { contentHash } from '../store/canonical.js';
import { readAllLabels } from '../store/read.js';
import { type ErrorCategory, loadCategories } from '../taxonomy/categories.js';
import { type Panel, buildPanel } from './adjudication.js';
import {
  type DecisionInput,
  INCOMPUTABLE_REASONS,
  type StructuredValue,
  readDecisionInput,
  signoffRequest,
  valueText,
} from './decision.js';
import type { EvidenceLocator } from './evidence-spans.js';
import { type ItemView, itemView } from './item-view.js';
import { type QueueEntry, buildQueue } from './queue.js';
import { reviewSheet } from './sheet.js';

export interface ReviewServiceOptions {
  dir: string;
  /** The reviewer signing from this page; without one the page only reads. */
  reviewer?: Reviewer;
  /** Their private key file: read by signLabels in this process, never sent anywhere. */
  keyPath?: string;
  blind: boolean;
  base?: string;
  author?: string;
  locate?: EvidenceLocator;
  /** How long a submitted decision waits in the page, undoable, before it is signed (default 4 s). */
  undoMs?: number;
}

export interface DecisionResult {
  id: string;
  decision: string;
  commit: string | null;
  contentHash: string;
}

/**
 * What the page can ask of the benchmark: the queue (the gate's verdict), one item, a decision (a
 * sign-off through signLabels, the code `steward signoff` runs), the panel. Writes run one at a time.
 */
export class ReviewService {
  private files = new Map<string, string>();
  private reviewers = new Map<string, Reviewer>();
  private categories: ErrorCategory[] = [];
  private physicianRoles: string[] = ['physician'];
  /** Blind protocol: the value each item's physician gave before seeing the answers. */
  private readonly blindValues = new Map<string, string>();
  private writing: Promise<unknown> = Promise.resolve();
  private lastCheck: CheckResult | undefined;
  private labels = new Map<string, Label>();

  constructor(readonly options: ReviewServiceOptions) {}

  async session() {
    this.categories = await loadCategories(this.options.dir);
    const r = this.options.reviewer;
    return {
      reviewer: r ? { id: r.id, name: r.name, role: r.role } : null,
      canSign: Boolean(r && this.options.keyPath),
      blind: this.options.blind,
      undoMs: this.options.undoMs ?? 4000,
      categories: this.categories.map((c) => ({ id: c.id, title: c.title })),
      reasons: Object.entries(INCOMPUTABLE_REASONS).map(([id, title]) => ({ id, title })),
    };
  }

  async queue(): Promise<{ items: QueueEntry[]; base: string | null; done: number; total: number }> {
    // The gate reads every label file once; its onFile hands each one on, so the queue needs no second read.
    const labels = new Map<string, Label>();
    const files = new Map<string, string>();
    const [check, { reviewers }, config] = await Promise.all([
      runCheck({
        dir: this.options.dir,
        base: this.options.base,
        onFile: (f) => {
          const label = f.parseError ? undefined : (f.json as Label | undefined);
          if (label && typeof label.id === 'string') {
            labels.set(label.id, label);
            files.set(label.id, f.file);
          }
        },
      }),
      readReviewers(this.options.dir),
      loadConfig(this.options.dir),
    ]);
    this.lastCheck = check;
    this.reviewers = reviewers;
    this.physicianRoles = config.policy.physicianRoles;
    this.files = files;
    this.labels = labels;
    const items = buildQueue(check.labels, labels, this.options.reviewer?.id);
    return { items, base: check.base, done: items.filter((i) => i.status === 'done').length, total: items.length };
  }

  /** The label as it is on disk now. */
  private async label(id: string): Promise<Label> {
    if (this.files.size === 0) await this.queue();
    const file = this.files.get(id);
    if (!file) throw inputError('UNKNOWN_LABEL', `no label "${id}"`, { id });
    return JSON.parse(await readFile(join(this.options.dir, file), 'utf8')) as Label;
  }

  async item(id: string): Promise<ItemView> {
    const label = await this.label(id);
    const hidden = this.options.blind && !this.blindValues.has(this.blindKey(label));
    return itemView(label, { signoffs: this.signoffStatuses(label), hideAnswers: hidden, locate: this.options.locate });
  }

  /** Blind protocol: the physician's own value, given before the answers are shown; returns the full item. */
  async reveal(id: string, body: unknown): Promise<ItemView> {
    const label = await this.label(id);
    const o = (body ?? {}) as { value?: StructuredValue; incomputable?: boolean };
    const text = o.incomputable === true ? 'N/A' : o.value ? valueText(answerKindOf(label), o.value) : undefined;
    if (text === undefined)
      throw inputError('BAD_DECISION', 'give your own value (or N/A) before the answers are shown', {});
    this.blindValues.set(this.blindKey(label), text);
    return this.item(id);
  }

  private blindKey(label: Label): string {
    return `${label.id} ${contentHash(label)}`;
  }

  private signoffStatuses(label: Label): SignoffStatus[] {
    const hash = contentHash(label);
    const last = new Map(label.signoffs.map((s, i) => [s.reviewer, i]));
    return label.signoffs.map((s, i) => {
      const v = verifySignoff(label, s, this.reviewers, hash);
      return {
        reviewer: s.reviewer,
        role: s.role,
        decision: s.decision,
        time: s.time,
        ...(s.value !== undefined ? { value: s.value } : {}),
        signatureValid: v.signatureValid,
        stale: v.stale,
        superseded: last.get(s.reviewer) !== i,
      };
    });
  }

  /**
   * One structured decision → one signed, committed sign-off; refused (409) if the label changed since it was shown.
   */
  decide(body: unknown): Promise<DecisionResult> {
    const run = this.writing.then(() => this.decideNow(readDecisionInput(body)));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async decideNow(input: DecisionInput): Promise<DecisionResult> {
    const { reviewer, keyPath } = this.options;
    if (!reviewer || !keyPath)
      throw inputError('READ_ONLY', 'this page was started without --reviewer and --key; it cannot sign', {});
    const label = await this.label(input.id);
    if (this.options.blind && !this.blindValues.has(this.blindKey(label)) && contentHash(label) === input.contentHash) {
      throw inputError('BLIND_FIRST', `${label.id}: give your own value before deciding (blind review)`, {
        id: label.id,
      });
    }
    const categories = new Set(
      (this.categories.length ? this.categories : await loadCategories(this.options.dir)).map((c) => c.id),
    );
    const request = signoffRequest(label, answerKindOf(label), input, categories);
    // Blind protocol: the physician's own value is the one they gave before seeing the answers.
    const blindValue = this.blindValues.get(this.blindKey(label));
    if (blindValue !== undefined && request.decision !== 'amend') request.value = blindValue;
    const result = await signLabels({
      dir: this.options.dir,
      ids: [label.id],
      reviewer: reviewer.id,
      keyPath,
      decision: request.decision,
      value: request.value,
      note: request.note,
      author: this.options.author,
      expectContentHash: { [label.id]: input.contentHash },
    });
    return {
      id: label.id,
      decision: request.decision,
      commit: result.commit,
      contentHash: result.signoffs[0].contentHash,
    };
  }

  /** The queue as a spreadsheet (see reviewSheet). */
  async sheet(): Promise<{ text: string; rows: number }> {
    const { items } = await this.queue();
    return { text: reviewSheet(items, this.labels), rows: items.filter((i) => i.status !== 'done').length };
  }

  /** Resolves when no decision is being signed. */
  async idle(): Promise<void> {
    await this.writing;
  }

  async panel(): Promise<Panel> {
    const labels = await readAllLabels(this.options.dir);
    if (this.reviewers.size === 0) this.reviewers = (await readReviewers(this.options.dir)).reviewers;
    const physicians = new Set(
      [...this.reviewers.values()].filter((r) => this.physicianRoles.includes(r.role)).map((r) => r.id),
    );
    return buildPanel(
      labels.map((e) => e.label),
      physicians,
      (label, s) => verifySignoff(label, s, this.reviewers).problems.length === 0,
    );
  }

  get check(): CheckResult | undefined {
    return this.lastCheck;
  }
}
