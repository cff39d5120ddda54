"""What an analyst explores in the report: filters (dates, outlets, entity) over the page's data, and the tables they
drive, sortable and linked to the articles; inline JavaScript, nothing fetched. Data as text only (no innerHTML)."""

from html import escape

ROWS_SHOWN = 50  # rows of a table before "show all"


def filter_bar(payload: dict) -> str:
    """The page's data -> the filter form: date range, outlets (several), one entity, reset."""
    days = [d for d in payload["days"] if d]
    low, high = (min(days), max(days)) if days else ("", "")
    outlets = "".join(f'<option value="{i}">{escape(o["name"])}</option>' for i, o in enumerate(payload["outlets"]))
    entities = "".join(f'<option value="{i}">{escape(e["name"])}</option>' for i, e in enumerate(payload["entities"]))
    return (f'<form id="filters" class="filters" onsubmit="return false">'
            f'<label>From <input type="date" id="f-from" min="{low}" max="{high}"></label>'
            f'<label>to <input type="date" id="f-to" min="{low}" max="{high}"></label>'
            f'<label>Outlets <select id="f-outlets" multiple size="4">{outlets}</select></label>'
            f'<label>Entity <select id="f-entity"><option value="-1">all entities</option>{entities}</select></label>'
            '<button type="button" id="f-reset">Reset</button>'
            f'<span id="f-summary" class="muted"></span></form>'
            "<noscript><p class=\"empty\">The tables and filters need JavaScript; the charts show the whole "
            "warehouse.</p></noscript>")


SCRIPT = """
(() => {
const D = JSON.parse(document.getElementById('report-data').textContent);
const S = {from: '', to: '', outlets: null, entity: -1};
const SHOWN = ROWS_SHOWN;
const num = n => (n === null || n === undefined) ? '' : Number(n).toLocaleString('en-US', {maximumFractionDigits: 1});
const dayOk = d => { if (!S.from && !S.to) return true; const s = D.days[d];
  return !!s && (!S.from || s >= S.from) && (!S.to || s <= S.to); };
const outletOk = o => !S.outlets || S.outlets.has(o);
const entityOk = e => S.entity < 0 || S.entity === e;
const keep = r => entityOk(r[0]) && outletOk(r[1]) && dayOk(r[2]);
const el = (tag, text, cls) => { const x = document.createElement(tag); if (text !== undefined) x.textContent = text;
  if (cls) x.className = cls; return x; };
const sums = (rows, key, value) => { const m = new Map();
  for (const r of rows) { const k = key(r); m.set(k, (m.get(k) || 0) + value(r)); } return m; };
const byOutlet = m => [...m].sort((a, b) => b[1] - a[1]).map(([o, n]) => D.outlets[o].name + ' ' + num(n)).join(', ');

function outletArticles() {
  const m = new Map();
  for (const [o, d, n] of D.outlet_days) if (outletOk(o) && dayOk(d)) m.set(o, (m.get(o) || 0) + n);
  return m;
}

// A sortable table: columns [{key, label, num}], rows of objects; rows past SHOWN behind a button.
function table(id, columns, rows, sortKey, detail) {
  const box = document.getElementById(id); if (!box) return;
  const state = box.sortState || (box.sortState = {key: sortKey, desc: true, all: false});
  const col = columns.find(c => c.key === state.key) || columns[0];
  rows.sort((a, b) => { const x = a[col.key], y = b[col.key];
    const c = col.num ? (x || 0) - (y || 0) : String(x).localeCompare(String(y));
    return state.desc ? -c : c; });
  const t = el('table', undefined, 'data sortable'), head = t.createTHead().insertRow();
  for (const c of columns) {
    const th = el('th', c.label + (c.key === state.key ? (state.desc ? ' \\u25BC' : ' \\u25B2') : ''));
    th.dataset.key = c.key; th.title = 'sort by ' + c.label; if (c.num) th.className = 'n';
    th.onclick = () => { state.desc = state.key === c.key ? !state.desc : !!c.num; state.key = c.key; render(); };
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (const r of state.all ? rows : rows.slice(0, SHOWN)) {
    const tr = body.insertRow();
    for (const c of columns) { const td = tr.insertCell(); td.textContent = c.num ? num(r[c.key]) : (r[c.key] ?? '');
      if (c.num) td.className = 'n'; }
    if (detail && r.docs && r.docs.length) {
      tr.className = 'opens'; tr.title = 'show the articles';
      tr.onclick = () => { const next = tr.nextSibling;
        if (next && next.className === 'detail') { next.remove(); return; }
        const row = el('tr', undefined, 'detail'), td = el('td'); td.colSpan = columns.length;
        const list = el('ul', undefined, 'articles');
        for (const a of r.docs.map(i => D.articles[i])) {
          const li = el('li'); const link = el(a.url ? 'a' : 'span', a.title);
          if (a.url) { link.href = a.url; link.target = '_blank'; link.rel = 'noopener'; }
          li.append(link, el('span', ' \\u00B7 ' + D.outlets[a.o].name + ' \\u00B7 ' + (D.days[a.d] || 'no date'),
                                'muted'));
          list.appendChild(li);
        }
        td.appendChild(list); row.appendChild(td); tr.after(row); };
    }
  }
  const note = el('p', rows.length ? rows.length.toLocaleString('en-US') + ' rows' : 'No rows match the filters.',
                  'muted count');
  box.replaceChildren(note, t);
  if (rows.length > SHOWN) {
    const more = el('button', state.all ? 'show the first ' + SHOWN
                                        : 'show all ' + rows.length.toLocaleString('en-US'));
    more.type = 'button'; more.onclick = () => { state.all = !state.all; render(); }; box.appendChild(more);
  }
}

function coverage() {
  const rows = D.coverage.filter(keep), articles = outletArticles();
  const present = [...articles.values()].filter(n => n > 0).length;
  const per = new Map();
  for (const [e, o, , m, a] of rows) { const k = e + ' ' + o;
    const x = per.get(k) || per.set(k, {e, o, mentions: 0, articles: 0}).get(k); x.mentions += m; x.articles += a; }
  const pairs = [...per.values()].map(x => ({entity: D.entities[x.e].name, outlet: D.outlets[x.o].name,
    mentions: x.mentions, articles: x.articles, outlet_articles: articles.get(x.o) || 0,
    per100: articles.get(x.o) ? 100 * x.mentions / articles.get(x.o) : null}));
  const ents = new Map();
  for (const p of per.values()) {
    const x = ents.get(p.e) || ents.set(p.e, {mentions: 0, articles: 0, outlets: 0}).get(p.e);
    x.mentions += p.mentions; x.articles += p.articles; x.outlets += 1; }
  table('t-entity_coverage', [{key: 'entity', label: 'entity'}, {key: 'type', label: 'type'},
    {key: 'mentions', label: 'mentions', num: 1}, {key: 'articles', label: 'articles', num: 1},
    {key: 'outlets', label: 'outlets', num: 1}, {key: 'of', label: 'of outlets'}],
    [...ents].map(([e, x]) => ({entity: D.entities[e].name, type: D.entities[e].type, mentions: x.mentions,
      articles: x.articles, outlets: x.outlets, of: x.outlets + ' of ' + present})), 'mentions');
  table('t-entity_coverage-outlets', [{key: 'entity', label: 'entity'}, {key: 'outlet', label: 'outlet'},
    {key: 'mentions', label: 'mentions', num: 1}, {key: 'per100', label: 'per 100 articles', num: 1},
    {key: 'articles', label: 'articles mentioning', num: 1},
    {key: 'outlet_articles', label: 'outlet articles', num: 1}],
    pairs, 'mentions');
  let total = 0; for (const r of rows) total += r[3];
  const all = [...articles.values()].reduce((a, b) => a + b, 0);
  document.getElementById('f-summary').textContent = num(all) + ' articles in ' + present + ' outlets; ' +
    num(total) + ' mentions of ' + ents.size + ' entities';
}

function spellings() {
  const per = new Map();
  for (const [e, o, , s, n] of D.spellings.filter(keep)) { const k = e + ' ' + s;
    const x = per.get(k) || per.set(k, {e, s, n: 0, o: new Map()}).get(k);
    x.n += n; x.o.set(o, (x.o.get(o) || 0) + n); }
  table('t-alias_usage', [{key: 'entity', label: 'entity'}, {key: 'spelling', label: 'spelling'},
    {key: 'mentions', label: 'mentions', num: 1}, {key: 'outlets', label: 'outlets (mentions)'}],
    [...per.values()].map(x => ({entity: D.entities[x.e].name, spelling: D.words[x.s], mentions: x.n,
      outlets: byOutlet(x.o)})), 'mentions');
}

function descriptors() {
  const per = new Map();
  for (const [e, o, , w, q, k, n] of D.descriptors.filter(keep)) { const key = [e, w, q].join(' ');
    const x = per.get(key) || per.set(key, {e, w, q, k, n: 0, o: new Map()}).get(key); x.n += n;
    x.o.set(o, (x.o.get(o) || 0) + n); }
  table('t-entity_descriptors', [{key: 'entity', label: 'entity'}, {key: 'descriptor', label: 'descriptor'},
    {key: 'kind', label: 'kind'}, {key: 'times', label: 'times', num: 1}, {key: 'outlets', label: 'outlets (times)'}],
    [...per.values()].map(x => ({entity: D.entities[x.e].name, descriptor: D.words[x.w] + (x.q ? ' (in a quote)' : ''),
      kind: D.words[x.k], times: x.n, outlets: byOutlet(x.o)})), 'times');
}

const articleOk = i => outletOk(D.articles[i].o) && dayOk(D.articles[i].d);
const entityId = () => S.entity < 0 ? null : D.entities[S.entity].id;

function quotes() {
  const rows = D.quotes.filter(q => (!entityId() || q.speaker_e === entityId()) &&
    (!S.outlets || q.outlets.some(n => S.outlets.has(D.outlets.findIndex(o => o.name === n)))) &&
    (!q.docs.length || q.docs.some(articleOk)));
  table('t-shared_quotes', [{key: 'text', label: 'quote'}, {key: 'speaker', label: 'speaker'},
    {key: 'outlets', label: 'outlets'}, {key: 'n', label: 'articles', num: 1}],
    rows.map(q => ({text: q.text, speaker: q.speaker || 'unattributed', outlets: q.outlets.join(', '),
      n: q.docs.filter(articleOk).length, docs: q.docs.filter(articleOk)})), 'n', true);
}

function figures() {
  table('t-figures_across_outlets', [{key: 'figure', label: 'figure'}, {key: 'outlet', label: 'outlet'},
    {key: 'times', label: 'times', num: 1}, {key: 'min', label: 'lowest', num: 1},
    {key: 'max', label: 'highest', num: 1},
    {key: 'example', label: 'as written'}],
    D.figures.filter(f => outletOk(f.o)).map(f => ({figure: f.what + (f.unit ? ' (' + f.unit + ')' : ''),
      outlet: D.outlets[f.o].name, times: f.count, min: f.min, max: f.max, example: f.example})), 'times');
}

function stories() {
  const rows = D.stories.map(s => ({s, docs: s.docs.filter(articleOk)})).filter(x => x.docs.length);
  table('t-story_clusters', [{key: 'title', label: 'story (first title)'}, {key: 'outlets', label: 'outlets'},
    {key: 'n', label: 'articles', num: 1}, {key: 'first', label: 'first'}, {key: 'last', label: 'last'}],
    rows.map(({s, docs}) => { const days = docs.map(i => D.days[D.articles[i].d]).filter(d => d).sort();
      const names = [...new Set(docs.map(i => D.outlets[D.articles[i].o].name))];
      return {title: s.title, outlets: names.join(', '), n: docs.length, first: days[0] || '',
        last: days[days.length - 1] || '', docs}; }), 'n', true);
}

function render() { coverage(); spellings(); descriptors(); quotes(); figures(); stories();
  document.body.classList.toggle('filtered', !!(S.from || S.to || S.outlets || S.entity >= 0)); }

const read = () => { S.from = document.getElementById('f-from').value; S.to = document.getElementById('f-to').value;
  const chosen = [...document.getElementById('f-outlets').selectedOptions].map(o => Number(o.value));
  S.outlets = chosen.length ? new Set(chosen) : null; S.entity = Number(document.getElementById('f-entity').value);
  render(); };
for (const id of ['f-from', 'f-to', 'f-outlets', 'f-entity'])
  document.getElementById(id).addEventListener('change', read);
document.getElementById('f-reset').onclick = () => { document.getElementById('filters').reset(); read(); };
render();
})();
""".replace("ROWS_SHOWN", str(ROWS_SHOWN))
