// The decision form of the review page (app.js): the action buttons, the value fields and the note.
import { ValueFields, html } from '/views.js';

/** What each action signs, in the words the form and the confirmation use. */
export const ACTION_TEXT = {
  approve: 'approve the proposal',
  'keep-previous': 'keep the previous answer',
  correct: 'corrected value',
  incomputable: 'incomputable (N/A)',
};

export function markDone(queue, id, decision) {
  const items = queue.items.map((i) => (i.id === id ? { ...i, status: 'done', decision } : i));
  return { ...queue, items, done: items.filter((i) => i.status === 'done').length };
}

export function DecisionForm({ item, form, setForm, session, choose, submit, blindFields, setBlindFields, reveal }) {
  if (!item.answers) {
    return html`<section class="decision" data-testid="blind-form"><h3>Your value</h3>
      <label><input type="checkbox" data-testid="blind-na" checked=${blindFields.na}
        onChange=${(e) => setBlindFields({ ...blindFields, na: e.target.checked })} /> N/A (incomputable)</label>
      ${
        blindFields.na
          ? null
          : html`<${ValueFields} id="blind-value" kind=${item.kind} unit=${item.unit} fields=${blindFields.fields}
        setFields=${(fields) => setBlindFields({ ...blindFields, fields })} />`
      }
      <button data-testid="reveal" onClick=${reveal}>Show the answers</button></section>`;
  }
  const radio = (action, key) => html`<label class=${form.action === action ? 'chosen' : ''}>
    <input type="radio" name="action" data-testid=${`action-${action}`}
    checked=${form.action === action}
      onChange=${() => choose(action)}
      disabled=${action === 'keep-previous' && !item.answers.previous} /> <kbd>${key}</kbd> ${ACTION_TEXT[action]}
        </label>`;
  return html`<section class="decision" data-testid="decision"><h3>Your decision</h3>
    <div class="actions">${radio('approve', 'a')}${radio('keep-previous', 'p')}
      ${radio('correct', 'e')}${radio('incomputable', 'n')}</div>
    ${
      form.action === 'correct'
        ? html`<div><label for="corrected-value">Corrected value</label> <${ValueFields} id="corrected-value"
      kind=${item.kind}
      unit=${item.unit} fields=${form.fields} setFields=${(fields) => setForm({ ...form, fields })} /></div>`
        : null
    }
    ${
      form.action === 'incomputable'
        ? html`<div><label>Why <select id="reason" data-testid="reason" value=${form.reason}
      onChange=${(e) => setForm({ ...form, reason: e.target.value })}>
      <option value="">choose…</option>${session.reasons.map((r) => html`<option value=${r.id}>${r.title}</option>`)}
        </select></label></div>`
        : null
    }
    <div><label>Error category <select data-testid="category" value=${form.category}
      onChange=${(e) => setForm({ ...form, category: e.target.value })}>
      <option value="">none</option>${session.categories.map((c) => html`<option value=${c.id}>${c.title}</option>`)}
        </select></label></div>
    <div><label>Note (optional) <input class="note-input" data-testid="note-input" maxlength="2000" value=${form.note}
      onInput=${(e) => setForm({ ...form, note: e.target.value })} /></label></div>
    <button data-testid="submit" onClick=${submit}>Sign and commit (Ctrl+Enter)</button>
    <p class="muted">Signed with your key by the steward process on this machine; the key never reaches this page.</p>
      </section>`;
}
