import { type PrBodyOptions, renderPrBody } from './pr-body.js';
import { type CheckResult, runCheck } from './run-check.js';

/** The Markdown for a relabel pull request, with the gate's result it was made from. */
export async function prDescription(
  options: { dir: string; base?: string; allowVerifierOnly?: boolean } & PrBodyOptions,
): Promise<{ markdown: string; check: CheckResult }> {
  const check = await runCheck(options);
  return { markdown: renderPrBody(check, { maxChars: options.maxChars }), check };
}
