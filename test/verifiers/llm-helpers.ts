import type { Label } from '../../src/label/types.js';
import { answerWithLimits } from '../../src/label/answer.js';
import { type ChatRequestBody, noteOf, type ScriptedReply } from '../../src/verifiers/llm/scripted-server.js';
import { makeLabel } from '../helpers/labels.js';

// BMI labels with hand-made notes (our words). BMI = kg / m²: 70 kg, 175 cm → 22.857; 80 kg → 26.122.
export function bmiLabel(
  id: string,
  note: string,
  value: number,
  entities: Label['entities'] = { weight: [70, 'kg'], height: [175, 'cm'] },
): Label {
  return makeLabel({
    id,
    note,
    entities,
    answer: answerWithLimits('decimal', value),
    source: { ...makeLabel().source, row: Number(id.slice(-4)) },
  });
}

/** An extract-mode reply giving these entities, each with a quote (null value: "not documented"). */
export function extraction(entities: Record<string, [unknown, string] | null>): string {
  return JSON.stringify({
    entities: Object.fromEntries(
      Object.entries(entities).map(([k, v]) => [
        k,
        v === null ? { value: null, quote: 'not documented' } : { value: v[0], quote: v[1] },
      ]),
    ),
  });
}

export const RIGHT = extraction({ weight: [[70, 'kg'], 'weighs 70 kg'], height: [[175, 'cm'], '175 cm tall'] });
export const HEAVIER = extraction({ weight: [[90, 'kg'], 'weighs 90 kg'], height: [[175, 'cm'], '175 cm tall'] });
export const NO_HEIGHT = extraction({ weight: [[70, 'kg'], 'weighs 70 kg'], height: null });

/**
 * Scripts keyed by a marker word in the note and the run's seed (1..k): each entry gives the replies
 * for that seed in order (retries take the next one; the last repeats).
 */
export function scriptByNote(table: Record<string, (seed: number) => ScriptedReply[]>) {
  const seen = new Map<string, number>();
  return (body: ChatRequestBody): ScriptedReply => {
    const note = noteOf(body);
    const marker = Object.keys(table).find((m) => note.includes(m));
    if (!marker) return { kind: 'status', status: 400, message: `no script for note ${note.slice(0, 40)}` };
    const seed = body.seed ?? 0;
    const k = `${marker}#${seed}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    const replies = table[marker](seed);
    return replies[Math.min(n, replies.length - 1)];
  };
}

export const reply = (content: string, model = 'scripted-model-2026'): ScriptedReply => ({
  kind: 'reply',
  content,
  model,
});
