import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from '../../errors/index.js';

/** US dollars per million tokens. */
export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
}

/**
 * The price table: `verifier.prices` in steward.config.json, keyed by model name, for example
 * `{"verifier": {"prices": {"gpt-4o-mini": {"inputPerMTok": 0.15, "outputPerMTok": 0.6}}}}`. Prices
 * change and differ by provider, so the tool ships none: the user states what they pay.
 */
export async function loadPrices(dir: string): Promise<Record<string, ModelPrice>> {
  const file = join(dir, 'steward.config.json');
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return {};
  let json: { verifier?: { prices?: Record<string, unknown> } };
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw inputError('CONFIG_BROKEN_JSON', `${file}: invalid JSON: ${(error as Error).message}`, { file });
  }
  const prices = json.verifier?.prices ?? {};
  const out: Record<string, ModelPrice> = {};
  for (const [model, p] of Object.entries(prices)) {
    const price = p as Partial<ModelPrice>;
    for (const key of ['inputPerMTok', 'outputPerMTok'] as const) {
      if (typeof price?.[key] !== 'number' || !(price[key] >= 0)) {
        throw inputError(
          'CONFIG_INVALID',
          `${file} /verifier/prices/${model}/${key}: must be a number ≥ 0 (US dollars per million tokens)`,
          { file, pointer: `/verifier/prices/${model}/${key}` },
        );
      }
    }
    out[model] = price as ModelPrice;
  }
  return out;
}

export function costOf(price: ModelPrice, usage: { promptTokens: number; completionTokens: number }): number {
  return (usage.promptTokens * price.inputPerMTok + usage.completionTokens * price.outputPerMTok) / 1e6;
}

/** A rough token count before a call (about four characters a token for English text). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
