/* Statusbook: the search box and the compare picker. Every page is complete without this
   script: both forms carry `hidden` and are shown only here. Results are built with
   textContent, never markup. docs/search.md says how matching and ranking work. */
(() => {
  'use strict';

  const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f\uac00-\ud7af]/;
  const WORD = /[\p{L}\p{N}]/u;
  const MAX_RESULTS = 20;
  // How much a match in each field counts; a code typed exactly outranks any text.
  const WEIGHTS = { reason: 8, gloss: 8, former: 6, name: 3, summary: 2 };
  const EXACT_CODE = 1000;
  const CODE_PREFIX = 300;
  const PHRASE = 20;

  /**
   * Text as it is compared: compatibility forms (full-width digits and Latin, half-width
   * kana), Latin diacritics removed (Vietnamese tones and vowel marks), đ as d, lowercase.
   * Japanese voiced marks (U+3099, U+309A) are not in the removed range and compose again.
   */
  const fold = (text) =>
    text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase().replace(/đ/g, 'd');

  /** 2: at a word start (anywhere for kana and kanji, which have no spaces); 1: inside a word; 0: absent. */
  const termIn = (text, term) => {
    let at = text.indexOf(term);
    if (at < 0) return 0;
    if (CJK.test(term)) return 2;
    for (; at >= 0; at = text.indexOf(term, at + 1)) if (at === 0 || !WORD.test(text[at - 1])) return 2;
    return 1;
  };

  const prepare = (record) => ({
    record,
    code: String(record.code),
    fields: {
      reason: fold(record.reason),
      gloss: fold(record.gloss),
      former: fold(record.formerReasons.join(' ')),
      name: fold(`${record.name} ${record.protocol}`),
      summary: fold(record.summary),
    },
  });

  /** The records matching every term of the query, best first (index order among equals). */
  const search = (entries, query) => {
    const folded = fold(query).trim();
    const terms = folded.split(/\s+/).filter(Boolean);
    if (terms.length === 0) return [];
    const scored = [];
    entries.forEach((entry, order) => {
      let score = 0;
      for (const term of terms) {
        let best = 0;
        if (/^\d+$/.test(term)) best = entry.code === term ? EXACT_CODE : entry.code.startsWith(term) ? CODE_PREFIX : 0;
        for (const [field, weight] of Object.entries(WEIGHTS)) best = Math.max(best, weight * termIn(entry.fields[field], term));
        if (best === 0) return;
        score += best;
      }
      if (terms.length > 1 && (entry.fields.reason.includes(folded) || entry.fields.gloss.includes(folded))) score += PHRASE;
      scored.push({ entry, score, order });
    });
    scored.sort((x, y) => y.score - x.score || x.order - y.order);
    return scored.slice(0, MAX_RESULTS).map((s) => s.entry.record);
  };

  const span = (className, text, lang) => {
    const el = document.createElement('span');
    el.className = className;
    el.textContent = text;
    if (lang) el.lang = lang;
    return el;
  };

  const setUpSearch = (form) => {
    // Browsers do not let a page opened from a file fetch the index: no box there.
    if (location.protocol === 'file:') return;
    const input = form.querySelector('input');
    const list = form.querySelector('.search-results');
    const status = form.querySelector('.search-status');
    const indexUrl = new URL(form.dataset.index, location.href);
    const pageLang = document.documentElement.lang;
    let entries;
    let loading;
    const load = () =>
      (loading ??= fetch(indexUrl)
        .then((response) => {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then((index) => {
          entries = index.codes.map(prepare);
        })
        .catch(() => {
          status.textContent = form.dataset.failed;
        }));

    const links = () => [...list.querySelectorAll('a')];
    const show = () => {
      if (!entries) return;
      const query = input.value;
      const results = search(entries, query);
      list.replaceChildren(
        ...results.map((r) => {
          const a = document.createElement('a');
          a.href = new URL(r.url, indexUrl).href;
          a.append(span('search-code', `${r.name} ${r.code}`), ' ', span('search-reason', r.reason, pageLang === 'en' ? '' : 'en'));
          if (r.gloss) a.append(' ', span('search-gloss', r.gloss));
          const li = document.createElement('li');
          li.append(a);
          return li;
        }),
      );
      list.hidden = results.length === 0;
      status.textContent = query.trim() !== '' && results.length === 0 ? form.dataset.none : '';
    };

    input.addEventListener('focus', () => {
      load();
      if (list.childElementCount > 0) list.hidden = false;
    });
    input.addEventListener('input', () => load().then(show));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && links().length > 0) {
        event.preventDefault();
        links()[0].focus();
      } else if (event.key === 'Escape') {
        if (input.value === '') input.blur();
        input.value = '';
        show();
      }
    });
    // Enter in the box opens the first result.
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      load().then(() => {
        show();
        const first = links()[0];
        if (first) location.assign(first.href);
      });
    });
    list.addEventListener('keydown', (event) => {
      const all = links();
      const at = all.indexOf(document.activeElement);
      if (at < 0) return;
      const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
      if (move !== undefined) {
        event.preventDefault();
        (all[Math.min(move, all.length - 1)] ?? input).focus();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        input.focus();
      }
    });
    form.addEventListener('focusout', (event) => {
      if (!form.contains(event.relatedTarget)) list.hidden = true;
    });
    // "/" anywhere but in a field focuses the box.
    document.addEventListener('keydown', (event) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
    form.hidden = false;
  };

  const setUpPicker = (form) => {
    const first = form.querySelector('#picker-a');
    const second = form.querySelector('#picker-b');
    const status = form.querySelector('.picker-status');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const a = Number(first ? first.value : form.dataset.code);
      const b = Number(second.value);
      if (a === b) {
        status.textContent = form.dataset.same;
        return;
      }
      // The canonical comparison page: lower code first, whichever order was chosen.
      const slug = a < b ? `${a}-vs-${b}` : `${b}-vs-${a}`;
      // Opened from a file, a folder is not its index page.
      const page = location.protocol === 'file:' ? 'index.html' : '';
      location.assign(new URL(`${slug}/${page}`, new URL(form.dataset.compare, location.href)).href);
    });
    form.addEventListener('change', () => {
      status.textContent = '';
    });
    form.hidden = false;
  };

  for (const form of document.querySelectorAll('form.search[data-index]')) setUpSearch(form);
  for (const form of document.querySelectorAll('form.picker')) setUpPicker(form);
})();
