import { Ajv2020 } from 'ajv/dist/2020.js';
import type { CalculatorDefinition, CalcValue, TraceStep } from '../../calculators/types.js';
import { isAbstention, parseAnswerValue } from '../../label/answer.js';
import type { ComputableKind, Entities, EntityValue } from '../../label/types.js';
import { NOT_DOCUMENTED } from './prompt.js';

/** What one run of the model says, read as data (JSON.parse and a schema check; nothing is evaluated). */
export type RunAnswer =
  | {
      ok: true;
      value: CalcValue | null;
      entities?: Entities;
      quotes: { entity: string; quote: string }[];
      reasoning?: string;
      trace?: TraceStep[];
    }
  | { ok: false; error: string };

const ajv = new Ajv2020({ strict: false, allErrors: false });
const validators = new WeakMap<object, ReturnType<typeof ajv.compile>>();

function validatorOf(schema: Record<string, unknown>) {
  let v = validators.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    validators.set(schema, v);
  }
  return v;
}

function parseJson(content: string): { ok: true; json: unknown } | { ok: false; error: string } {
  // Some servers wrap JSON in a Markdown fence; the fence is stripped, nothing else is interpreted.
  const text = content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, '$1');
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `reply is not JSON: ${(error as Error).message}` };
  }
}

/** Extract mode: the entities the model found, computed by the tool's own reference calculator. */
export function readExtraction(
  content: string,
  schema: Record<string, unknown>,
  calculator: CalculatorDefinition,
): RunAnswer {
  const parsed = parseJson(content);
  if (!parsed.ok) return parsed;
  const validate = validatorOf(schema);
  if (!validate(parsed.json))
    return { ok: false, error: `reply does not match the schema: ${ajv.errorsText(validate.errors)}` };
  const raw = (parsed.json as { entities: Record<string, { value: EntityValue; quote: string }> }).entities;
  const entities: Entities = {};
  const quotes: { entity: string; quote: string }[] = [];
  for (const [key, { value, quote }] of Object.entries(raw)) {
    quotes.push({ entity: key, quote });
    if (value === null || quote.trim().toLowerCase() === NOT_DOCUMENTED) continue;
    entities[key] = value;
  }
  const result = calculator.compute(entities, { convention: 'reference' });
  return { ok: true, value: result.incomputable ? null : result.value, entities, quotes, trace: result.steps };
}

/** Answer mode: the model's own answer, read by the calculator's answer kind. */
export function readAnswer(content: string, schema: Record<string, unknown>, kind: ComputableKind): RunAnswer {
  const parsed = parseJson(content);
  if (!parsed.ok) return parsed;
  const validate = validatorOf(schema);
  if (!validate(parsed.json))
    return { ok: false, error: `reply does not match the schema: ${ajv.errorsText(validate.errors)}` };
  const { answer, reasoning } = parsed.json as { answer: unknown; reasoning: string };
  if (typeof answer === 'string' && isAbstention(answer)) return { ok: true, value: null, quotes: [], reasoning };
  try {
    const text = Array.isArray(answer) ? `(${answer[0]} weeks, ${answer[1]} days)` : String(answer);
    const value =
      Array.isArray(answer) && kind === 'gestational-age' ? (answer as [number, number]) : parseAnswerValue(kind, text);
    return { ok: true, value, quotes: [], reasoning };
  } catch (error) {
    return {
      ok: false,
      error: `answer ${JSON.stringify(answer).slice(0, 60)} is not a ${kind}: ${(error as Error).message}`,
    };
  }
}
