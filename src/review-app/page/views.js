import { h } from '/vendor/preact.mjs';
import htm from '/vendor/htm.mjs';
import { checkValue } from '/decision.js';
import { KEYS } from '/keys.js';

export const html = htm.bind(h);

const BLIND_NOTICE =
  "Blind review: give your own value first; the answers and the calculators' traces are shown after.";
const PANEL_INTRO =
  "Items with values from at least two physicians. Agreement is the stewardship paper's rule; κ is Cohen's, " +
  "on whether each physician's value agrees with the proposed answer, with its 95% interval.";
const STATUS_TEXT = {
  proposed: 'proposed relabel',
  stale: 'your sign-off is stale',
  'second-physician': 'needs a second physician',
  done: 'done',
};

export function Queue({ queue, filters, setFilters, currentId, open }) {
  const calculators = [...new Map(queue.items.map((i) => [i.calculator.id, i.calculator.name])).entries()].sort(
    (a, b) => a[0] - b[0],
  );
  const shown = visibleItems(queue, filters);
  const pct = queue.total === 0 ? 100 : Math.round((100 * queue.done) / queue.total);
  return html`<aside class="queue" aria-label="review queue">
    <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax=${queue.total} aria-valuenow=${queue.done}>
      <div class="bar" style=${{ width: `${pct}%` }}></div>
      <span data-testid="progress">${queue.done} of ${queue.total} done</span>
    </div>
    <div class="filters">
      <label>Calculator <select data-testid="filter-calculator" value=${filters.calculator}
        onChange=${(e) => setFilters({ ...filters, calculator: e.target.value })}>
        <option value="">all</option>
        ${calculators.map(([id, name]) => html`<option value=${String(id)}>${id} ${name}</option>`)}
      </select></label>
      <label>Status <select data-testid="filter-status" value=${filters.status}
        onChange=${(e) => setFilters({ ...filters, status: e.target.value })}>
        <option value="">all</option>
        ${Object.entries(STATUS_TEXT).map(([id, text]) => html`<option value=${id}>${text}</option>`)}
      </select></label>
    </div>
    <ol class="items">
      ${shown.map(
        (i) => html`<li key=${i.id} class=${`${i.id === currentId ? 'current ' : ''}status-${i.status}`}>
        <button data-testid="queue-item" data-id=${i.id} onClick=${() => open(i.id)}>
          <span class="id">${i.id}</span> <span class="calc">${i.calculator.name}</span>
          <span class="tag">${i.decision ? `${STATUS_TEXT.done}: ${i.decision}` : STATUS_TEXT[i.status]}
            ${i.crossesThreshold ? ' · crosses a threshold' : ''}</span>
        </button></li>`,
      )}
    </ol>
    ${
      shown.length === 0
        ? html`<p class="empty">
        Nothing to review${filters.calculator || filters.status ? ' with these filters' : ''}.</p>`
        : null
    }
  </aside>`;
}

export function visibleItems(queue, filters) {
  return queue.items.filter(
    (i) =>
      (!filters.calculator || String(i.calculator.id) === filters.calculator) &&
      (!filters.status || i.status === filters.status),
  );
}

/** The note with each found entity's evidence marked; marks carry ids the entity table jumps to. */
function Note({ item }) {
  const spans = item.entities
    .map((e) => e.span)
    .filter((s) => s.status === 'found')
    .sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // overlapping evidence: the first one keeps the text
    parts.push(item.note.slice(at, s.start));
    parts.push(html`<mark id=${markId(s.entity)} title=${s.entity}>${item.note.slice(s.start, s.end)}</mark>`);
    at = s.end;
  }
  parts.push(item.note.slice(at));
  return html`<section class="note"><h3>Patient note</h3><p data-testid="note">${parts}</p></section>`;
}

export function markId(entity) {
  return `ev-${entity.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function jump(entity) {
  const mark = document.getElementById(markId(entity));
  if (!mark) return;
  mark.scrollIntoView({ block: 'center' });
  mark.classList.remove('flash');
  void mark.offsetWidth;
  mark.classList.add('flash');
}

function Entities({ item }) {
  return html`<section><h3>Entities</h3><table class="entities" data-testid="entities">
    <thead><tr><th>entity</th><th>value</th><th>unit</th>
      <th>converted for the calculator</th><th>in the note</th></tr></thead>
    <tbody>${item.entities.map(
      (e) => html`<tr key=${e.name}>
      <td>${
        e.span.status === 'found' ? html`<button class="link" onClick=${() => jump(e.name)}>${e.name}</button>` : e.name
      }</td>
      <td>${e.value}</td><td>${e.unit ?? ''}</td><td>${e.conversions.join('; ')}</td>
      <td>${e.span.status === 'found' ? `“${e.span.text}”` : html`<span class="muted">not found</span>`}</td></tr>`,
    )}</tbody>
  </table></section>`;
}

function Trace({ trace }) {
  return html`<details open class="trace" data-testid=${`trace-${trace.convention}`}>
    <summary>${
      trace.convention === 'reference'
        ? 'Reference calculator'
        : 'medcalc-v1.0 convention (the code that made the v1.0 labels)'
    }: <b>${trace.result}</b></summary>
    <ol>${trace.steps.map((s) => html`<li>${s.what} = <b>${s.result}</b></li>`)}</ol>
  </details>`;
}

function Answers({ item }) {
  const a = item.answers;
  const r = a.revision;
  const unit = item.unit ? ` ${item.unit}` : '';
  const show = (x) =>
    x.kind === 'incomputable'
      ? 'N/A (incomputable)'
      : `${x.text}${unit}${x.lower !== x.text || x.upper !== x.text ? ` (accepted ${x.lower}–${x.upper})` : ''}`;
  return html`<section class="answers"><h3>Answers</h3><dl>
    <dt>previous</dt><dd data-testid="previous">${a.previous ? show(a.previous) : '–'}</dd>
    <dt>proposed</dt><dd data-testid="proposed">${show(a.proposed)}</dd>
    ${a.current.text !== a.proposed.text ? html`<dt>now</dt><dd>${show(a.current)}</dd>` : null}
    ${
      r
        ? html`<dt>category</dt><dd>${r.category}${r.contentious ? ' · contentious' : ''}</dd>
      <dt>rationale</dt><dd>${r.rationale}</dd>
      ${r.evidence ? html`<dt>evidence</dt><dd>${r.evidence}</dd>` : null}
      <dt>proposer</dt><dd>${r.proposer}${r.verifier ? ` (verifier ${r.verifier})` : ''}</dd>`
        : null
    }
    ${a.votes !== undefined ? html`<dt>verifier votes</dt><dd><code>${JSON.stringify(a.votes)}</code></dd>` : null}
  </dl>
  ${
    a.signoffs.length
      ? html`<h4>Sign-offs</h4><ul class="signoffs">${a.signoffs
          .filter((s) => !s.superseded)
          .map(
            (s) => html`<li>${s.reviewer} (${s.role}): ${s.decision}
    ${s.value !== undefined ? ` ${s.value}` : ''}${s.stale ? ' — stale' : ''}
    ${s.signatureValid ? '' : ' — SIGNATURE DOES NOT VERIFY'}</li>`,
          )}</ul>`
      : null
  }
  ${a.traces.map((t) => html`<${Trace} trace=${t} />`)}
  </section>`;
}

export function ValueFields({ kind, unit, fields, setFields, id }) {
  const set = (k) => (e) => setFields({ ...fields, [k]: e.target.value });
  const checked = checkValue(kind, fields);
  let inputs;
  if (kind === 'date')
    inputs = html`<input id=${id} type="date" data-testid="value-date" value=${fields.date ?? ''}
    onInput=${set('date')} />`;
  else if (kind === 'gestational-age')
    inputs = html`<input id=${id} data-testid="value-weeks" inputmode="numeric" size="3" value=${fields.weeks ?? ''}
      onInput=${set('weeks')} /> weeks
      <input data-testid="value-days" inputmode="numeric" size="2" value=${fields.days ?? ''}
        onInput=${set('days')} /> days`;
  else
    inputs = html`<input id=${id} data-testid="value-number" inputmode="decimal" value=${fields.number ?? ''}
    onInput=${set('number')} /> ${unit ?? ''}`;
  return html`<span class="value-fields">${inputs} <span class=${checked.error ? 'invalid' : 'valid'}
    data-testid="value-check">${checked.error ?? '✓'}</span></span>`;
}

export function Help({ close }) {
  return html`<div class="help" role="dialog" aria-label="keyboard help" data-testid="help"><h3>Keyboard</h3>
    <table>${KEYS.map(([k, what]) => html`<tr><th><kbd>${k}</kbd></th><td>${what}</td></tr>`)}</table>
    <button onClick=${close}>Close (Esc)</button></div>`;
}

export function ItemBody({ item }) {
  return html`<div class="item-body">
    <header><h2 data-testid="item-id">${item.id}</h2>
      <p>${item.calculator.name}${item.unit ? ` — answers in ${item.unit}` : ''}</p>
      <p class="question">${item.question}</p></header>
    <${Note} item=${item} />
    <${Entities} item=${item} />
    ${
      item.answers
        ? html`<${Answers} item=${item} />`
        : html`<p class="blind" data-testid="blind-notice">${BLIND_NOTICE}</p>`
    }
  </div>`;
}

export function Panel({ panel, open }) {
  if (!panel) return html`<p>Loading…</p>`;
  return html`<section class="panel" data-testid="panel"><h2>Adjudication</h2>
    <p>${PANEL_INTRO}</p>
    <table><thead><tr><th>pair</th><th>items</th><th>values agree</th><th>Cohen's κ (95% CI)</th></tr></thead><tbody>
    ${panel.pairs.map(
      (p) => html`<tr><td>${p.a} · ${p.b}</td><td>${p.n}</td><td>${p.agreeing} of ${p.n}</td>
      <td data-testid="kappa">${
        p.kappa
          ? `${p.kappa.value.toFixed(2)} (${p.kappa.lower.toFixed(2)} to ${p.kappa.upper.toFixed(2)})`
          : 'undefined (one verdict throughout)'
      }</td></tr>`,
    )}
    </tbody></table>
    <table><thead><tr><th>item</th><th>calculator</th><th>proposed</th>
      ${panel.reviewers.map((r) => html`<th>${r}</th>`)}<th></th></tr></thead><tbody>
    ${panel.rows.map(
      (row) => html`<tr class=${row.unanimous ? '' : 'disagree'}><td>
      <button class="link" onClick=${() => open(row.id)}>${row.id}</button></td>
      <td>${row.calculator}</td><td>${row.proposed}</td>
      ${panel.reviewers.map(
        (r) => html`<td>
        ${row.values[r] ? `${row.values[r].value} (${row.values[r].decision})` : '–'}</td>`,
      )}
        <td>${row.unanimous ? 'agree' : 'disagree: decide'}</td></tr>`,
    )}
    </tbody></table>
    ${panel.rows.length === 0 ? html`<p class="empty">No item has values from two physicians yet.</p>` : null}
  </section>`;
}
