/**
 * The structured value a physician types, checked as they type, by the calculator's kind: a number (a
 * whole number for scores) in the calculator's unit, a calendar date, or weeks + days. Never free text.
 * The server checks again (src/review-app/decision.ts); this is for the physician's eyes.
 */
export function checkValue(kind, fields) {
  if (kind === 'decimal' || kind === 'integer') {
    const t = (fields.number ?? '').trim();
    if (t === '') return { error: 'enter a number' };
    if (!/^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/.test(t)) return { error: `"${t}" is not a number` };
    if (kind === 'integer' && !Number.isInteger(Number(t))) return { error: 'this calculator gives whole numbers' };
    return { value: { number: t } };
  }
  if (kind === 'date') {
    const t = fields.date ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return { error: 'pick a date' };
    const [y, m, d] = t.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { error: 'not a calendar date' };
    return { value: { date: t } };
  }
  const w = (fields.weeks ?? '').trim();
  const d = (fields.days ?? '').trim();
  if (!/^\d+$/.test(w) || Number(w) > 45) return { error: 'weeks: a whole number 0–45' };
  if (!/^\d+$/.test(d) || Number(d) > 6) return { error: 'days: a whole number 0–6' };
  return { value: { weeks: Number(w), days: Number(d) } };
}

/** The request body for a decision, or an error to show; undefined fields are left out. */
export function decisionBody(item, form) {
  if (!form.action) return { error: 'choose a decision: a, p, e or n' };
  const body = { id: item.id, contentHash: item.contentHash, action: form.action };
  if (form.action === 'correct') {
    const checked = checkValue(item.kind, form.fields);
    if (checked.error) return { error: checked.error };
    body.value = checked.value;
  }
  if (form.action === 'incomputable') {
    if (!form.reason) return { error: 'say why it is incomputable' };
    body.reason = form.reason;
  }
  if (form.category) body.category = form.category;
  if (form.note?.trim()) body.note = form.note.trim();
  return { body };
}
