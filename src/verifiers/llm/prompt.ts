import { createHash } from 'node:crypto';

/**
 * What the model is shown. Blind by construction: this type has no field for the current label, its
 * answer, its explanation or its entities, so no code path can leak them into a prompt.
 */
export interface PromptInput {
  calculatorName: string;
  question: string;
  note: string;
  /** The calculator's entity keys and JSON shapes (extract mode). */
  entitySchema: Record<string, unknown>;
}

export type VerifyMode = 'extract' | 'answer';

export interface ChatRequest {
  messages: { role: 'system' | 'user'; content: string }[];
  responseSchema: Record<string, unknown>;
}

export const NOT_DOCUMENTED = 'not documented';

/** The JSON schema the model must answer with in extract mode: each entity with its verbatim quote. */
export function extractionSchema(entitySchema: Record<string, unknown>): Record<string, unknown> {
  const properties = (entitySchema.properties ?? {}) as Record<string, unknown>;
  const entity = (shape: unknown) => ({
    type: 'object',
    additionalProperties: false,
    required: ['value', 'quote'],
    properties: {
      value: { anyOf: [shape, { type: 'null' }] },
      quote: {
        type: 'string',
        description: `The words of the note this value comes from, copied exactly, or "${NOT_DOCUMENTED}"`,
      },
    },
  });
  return {
    type: 'object',
    additionalProperties: false,
    required: ['entities'],
    properties: {
      entities: {
        type: 'object',
        additionalProperties: false,
        required: Object.keys(properties),
        properties: Object.fromEntries(Object.entries(properties).map(([k, shape]) => [k, entity(shape)])),
      },
    },
  };
}

export const ANSWER_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['answer', 'reasoning'],
  properties: {
    answer: {
      anyOf: [
        { type: 'number' },
        { type: 'string' },
        { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
      ],
    },
    reasoning: { type: 'string' },
  },
};

const SYSTEM_EXTRACT =
  'You read a patient note and extract the inputs of a clinical calculator. For each input give its value ' +
  'exactly as the JSON schema says ' +
  `(numbers with their unit as in the schema) and the verbatim words of the note it comes from. If the note does ` +
  `not document an input, give value null and quote "${NOT_DOCUMENTED}". ` +
  'Do not compute the answer. Reply with JSON only.';

const SYSTEM_ANSWER =
  'You read a patient note and answer a clinical calculation question. Reply with JSON only: {"answer": <number, ' +
  'date MM/DD/YYYY, or [weeks, days]>, "reasoning": "..."}. ' +
  'If the note lacks information the calculation needs, answer "N/A".';

export function buildRequest(input: PromptInput, mode: VerifyMode): ChatRequest {
  if (mode === 'answer') {
    return {
      messages: [
        { role: 'system', content: SYSTEM_ANSWER },
        {
          role: 'user',
          content: `Calculator: ${input.calculatorName}\n\nPatient note:\n${input.note}\n\nQuestion: ${input.question}`,
        },
      ],
      responseSchema: ANSWER_SCHEMA,
    };
  }
  const schema = extractionSchema(input.entitySchema);
  return {
    messages: [
      { role: 'system', content: SYSTEM_EXTRACT },
      {
        role: 'user',
        content:
          `Calculator: ${input.calculatorName}\n\nInputs (JSON schema):\n${JSON.stringify(schema)}\n\nPatient ` +
          `note:\n${input.note}`,
      },
    ],
    responseSchema: schema,
  };
}

/** JSON with sorted keys, so equal content hashes equally. */
export function compactSortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compactSortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${compactSortedJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The prompt's hash: the messages and the schema, independent of model, seed and run. */
export function promptHash(request: ChatRequest): string {
  return sha256(compactSortedJson(request));
}

/** The cache key of one call: everything that decides what the server is asked. */
export function callKey(parts: {
  baseUrl: string;
  model: string;
  request: ChatRequest;
  seed: number;
  temperature: number;
}): string {
  return sha256(
    compactSortedJson({
      baseUrl: parts.baseUrl,
      model: parts.model,
      prompt: promptHash(parts.request),
      seed: parts.seed,
      temperature: parts.temperature,
    }),
  );
}
