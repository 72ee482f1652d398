import { render } from '/vendor/preact.mjs';
import { useEffect, useRef, useState } from '/vendor/hooks.mjs';
import { checkValue, decisionBody } from '/decision.js';
import { actionForKey } from '/keys.js';
import { ACTION_TEXT, DecisionForm, markDone } from '/decision-form.js';
import { Help, ItemBody, Panel, Queue, html, visibleItems } from '/views.js';

async function api(path, body) {
  // keepalive: a decision flushed as the page is closed still reaches the server.
  const res = await fetch(
    path,
    body === undefined
      ? {}
      : {
          method: 'POST',
          keepalive: true,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
  );
  const json = await res.json().catch(() => ({ message: res.statusText }));
  if (!res.ok) throw Object.assign(new Error(json.message ?? res.statusText), { status: res.status, code: json.code });
  return json;
}

// Nothing is pre-chosen: whatever the physician signs, they chose (the proposal's category is shown beside it).
const emptyForm = () => ({ action: '', fields: {}, reason: '', category: '', note: '' });

function App() {
  const [session, setSession] = useState(null);
  const [queue, setQueue] = useState(null);
  const [filters, setFilters] = useState({ calculator: '', status: '' });
  const [view, setView] = useState('queue');
  const [item, setItem] = useState(null);
  const [form, setForm] = useState(emptyForm());
  const [blindFields, setBlindFields] = useState({ fields: {}, na: false });
  const [pending, setPending] = useState(null);
  const [message, setMessage] = useState(null);
  const [help, setHelp] = useState(false);
  const [panel, setPanel] = useState(null);
  const state = useRef({});
  state.current = { queue, item, form, pending, filters, session, view };

  useEffect(() => {
    Promise.all([api('/api/session'), api('/api/queue')]).then(
      ([s, q]) => {
        setSession(s);
        setQueue(q);
        const first = q.items.find((i) => i.status !== 'done') ?? q.items[0];
        if (first) open(first.id);
      },
      (e) => setMessage({ kind: 'error', text: e.message }),
    );
  }, []);

  async function open(id) {
    setView('item');
    // Only the latest navigation shows its item: an undo, or a quicker j, must not be overwritten by a slower load.
    state.nav = (state.nav ?? 0) + 1;
    const nav = state.nav;
    try {
      const next = await api(`/api/item/${encodeURIComponent(id)}`);
      if (nav !== state.nav) return;
      setItem(next);
      setForm(emptyForm(next));
      setBlindFields({ fields: {}, na: false });
    } catch (e) {
      setMessage({ kind: 'error', text: e.message });
    }
  }

  function move(step) {
    const { queue, item, filters } = state.current;
    if (!queue) return;
    const items = visibleItems(queue, filters);
    const at = items.findIndex((i) => i.id === item?.id);
    const next = items[Math.min(items.length - 1, Math.max(0, at + step))];
    if (next && next.id !== item?.id) open(next.id);
  }

  async function commit(p) {
    try {
      const result = await api('/api/decision', p.body);
      setMessage({
        kind: 'ok',
        text:
          `Signed ${result.id}: ${result.decision}, commit ` +
          `${result.commit ? result.commit.slice(0, 10) : '(no repository)'}`,
        commit: result.commit,
      });
      // The item is done now; the whole queue (others' commits too) is re-read once the physician pauses.
      setQueue((q) => markDone(q, result.id, result.decision));
      refreshSoon();
    } catch (e) {
      if (e.status === 409) {
        setMessage({
          kind: 'error',
          text:
            `${p.body.id} changed since you opened it (someone else's commit); nothing was signed. The item has ` +
            `been reloaded: look again.`,
        });
        setQueue(await api('/api/queue'));
        await open(p.body.id);
      } else setMessage({ kind: 'error', text: `${p.body.id}: ${e.message}` });
    }
  }

  function refreshSoon() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(() => api('/api/queue').then(setQueue, () => undefined), 2000);
  }

  function flush() {
    const p = state.current.pending;
    if (!p) return Promise.resolve();
    clearTimeout(p.timer);
    setPending(null);
    return commit(p);
  }

  async function submit() {
    const { item, form, session } = state.current;
    if (!item || !session?.canSign) return;
    if (!item.answers)
      return setMessage({ kind: 'error', text: 'blind review: give your own value and reveal the answers first' });
    const made = decisionBody(item, form);
    if (made.error) return setMessage({ kind: 'error', text: made.error });
    await flush();
    const p = { body: made.body, form, item, text: ACTION_TEXT[form.action] };
    p.timer = setTimeout(() => {
      setPending((now) => (now === p ? null : now));
      if (state.current.pending === p) commit(p);
    }, session.undoMs);
    setPending(p);
    setMessage({
      kind: 'pending',
      text: `${item.id}: ${p.text}. Committing in ${Math.round(session.undoMs / 100) / 10} s; press u to undo.`,
    });
    move(1);
  }

  function undo() {
    const p = state.current.pending;
    if (!p) return;
    clearTimeout(p.timer);
    setPending(null);
    state.nav = (state.nav ?? 0) + 1;
    setItem(p.item);
    setForm(p.form);
    setMessage({ kind: 'ok', text: `Undone: ${p.item.id} was not signed.` });
  }

  async function reveal() {
    const { item } = state.current;
    const body = blindFields.na ? { incomputable: true } : { value: checkValue(item.kind, blindFields.fields).value };
    if (!blindFields.na && !body.value) return setMessage({ kind: 'error', text: 'enter your value (or N/A) first' });
    try {
      const full = await api(`/api/reveal/${encodeURIComponent(item.id)}`, body);
      setItem(full);
      setForm(emptyForm(full));
    } catch (e) {
      setMessage({ kind: 'error', text: e.message });
    }
  }

  function choose(action) {
    const { item } = state.current;
    if (!item?.answers) return;
    setForm((f) => ({ ...f, action }));
    if (action === 'correct') setTimeout(() => document.getElementById('corrected-value')?.focus(), 0);
    if (action === 'incomputable') setTimeout(() => document.getElementById('reason')?.focus(), 0);
  }

  useEffect(() => {
    const onKey = (event) => {
      const action = actionForKey(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'help') return setHelp((x) => !x);
      if (action === 'escape') {
        setHelp(false);
        return document.activeElement?.blur();
      }
      if (action === 'next') return move(1);
      if (action === 'previous') return move(-1);
      if (action === 'submit') return submit();
      if (action === 'undo') return undo();
      choose(action);
    };
    // A decision waiting out its undo window is sent at once when the page is hidden or closed: never lost.
    const onHide = () => document.visibilityState === 'hidden' && flush();
    const onLeave = (event) => {
      if (!state.current.pending) return;
      flush();
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onLeave);
    };
  }, [blindFields]);

  async function showPanel() {
    setView('panel');
    setPanel(await api('/api/panel'));
  }

  if (!session || !queue) return html`<p class="loading">${message ? message.text : 'Loading the review queue…'}</p>`;
  return html`<div class="layout">
    <nav><b>steward review</b> · ${
      session.reviewer
        ? html`<span data-testid="reviewer">${session.reviewer.name} (${session.reviewer.id})</span>`
        : 'read only'
    }${session.blind ? ' · blind review' : ''} · base ${queue.base ?? '–'}
      <button class=${view !== 'panel' ? 'tab on' : 'tab'} onClick=${() => setView('item')}>Review</button>
      <button class=${view === 'panel' ? 'tab on' : 'tab'}
        data-testid="panel-tab" onClick=${showPanel}>Adjudication</button>
      <button class="tab" onClick=${() => setHelp(true)}>? keys</button></nav>
    ${
      message
        ? html`<div class=${`message ${message.kind}`} data-testid="message" role="status">${message.text}${
            pending ? html` <button data-testid="undo" onClick=${undo}>Undo</button>` : null
          }</div>`
        : null
    }
    <${Queue} queue=${queue} filters=${filters} setFilters=${setFilters} currentId=${item?.id} open=${open} />
    <main>${
      view === 'panel'
        ? html`<${Panel} panel=${panel} open=${open} />`
        : item
          ? html`<${ItemBody} item=${item} />
      ${
        session.canSign
          ? html`<${DecisionForm} item=${item} form=${form} setForm=${setForm} session=${session}
        choose=${choose} submit=${submit}
        blindFields=${blindFields} setBlindFields=${setBlindFields} reveal=${reveal} />`
          : html`<p class="muted">Started without --reviewer/--key: read only.</p>`
      }`
          : html`<p>Nothing to review.</p>`
    }</main>
    ${help ? html`<${Help} close=${() => setHelp(false)} />` : null}
  </div>`;
}

render(html`<${App} />`, document.getElementById('app'));
