// The operators' page: polls the bot's JSON every few seconds and draws the figures. No libraries, nothing
// loaded from outside; every text goes in with textContent, never as HTML.
(function () {
  'use strict';
  var POLL_MS = 5000;
  var range = (location.hash || '').replace('#', '') || 'today';
  var timer = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function num(n) { return Number(n).toLocaleString('en-US'); }

  function duration(ms) {
    if (ms === null || ms === undefined) { return '–'; }
    var s = Math.round(ms / 1000);
    if (s < 60) { return s + ' s'; }
    var m = Math.floor(s / 60);
    if (m < 60) { return m + ' min ' + (s % 60) + ' s'; }
    return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }

  function time(iso) {
    var d = new Date(iso);
    return d.toLocaleString('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
      second: '2-digit', hour12: false });
  }

  function figure(name, value, bad) {
    var e = document.querySelector('[data-figure="' + name + '"]');
    e.textContent = value;
    if (bad !== undefined) { e.classList.toggle('some', bad); }
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function emptyRow(tbody, cols) {
    var tr = el('tr'); var td = el('td', 'empty', 'None in this period'); td.colSpan = cols;
    tr.appendChild(td); tbody.appendChild(tr);
  }

  function bars(id, counts) {
    var box = clear(document.getElementById(id));
    if (!counts.length) { box.appendChild(el('p', 'empty', 'None in this period')); return; }
    var max = Math.max.apply(null, counts.map(function (c) { return c.count; })) || 1;
    counts.forEach(function (c) {
      var row = el('div', 'row'); row.dataset.key = c.key;
      var label = el('span', 'label', c.label); label.title = c.label;
      var track = el('div', 'track'); var fill = el('div', 'fill');
      fill.style.width = (100 * c.count / max) + '%'; track.appendChild(fill);
      row.appendChild(label); row.appendChild(track); row.appendChild(el('span', 'num count', num(c.count)));
      box.appendChild(row);
    });
  }

  function table(id, counts) {
    var tbody = clear(document.querySelector('#' + id + ' tbody'));
    if (!counts.length) { emptyRow(tbody, 2); return; }
    counts.forEach(function (c) {
      var tr = el('tr'); tr.dataset.key = c.key;
      tr.appendChild(el('td', 'label', c.label)); tr.appendChild(el('td', 'num count', num(c.count)));
      tbody.appendChild(tr);
    });
  }

  function columns(summary) {
    document.getElementById('perTimeTitle').textContent = 'Conversations started, per ' +
      (summary.range === 'today' ? 'hour today' : 'day');
    var box = clear(document.getElementById('perTime'));
    var max = Math.max.apply(null, summary.perTime.map(function (c) { return c.count; })) || 1;
    var every = Math.ceil(summary.perTime.length / 12);
    summary.perTime.forEach(function (c, i) {
      var col = el('div', 'col'); col.title = c.label + ': ' + c.count;
      col.appendChild(el('span', 'v', c.count ? num(c.count) : ''));
      var bar = el('div', 'bar'); bar.style.height = (85 * c.count / max) + '%'; col.appendChild(bar);
      col.appendChild(el('span', 't', i % every === 0 ? c.label : '\u00a0'));
      box.appendChild(col);
    });
  }

  function funnel(steps) {
    var tbody = clear(document.querySelector('#funnel tbody'));
    var max = Math.max.apply(null, steps.map(function (s) { return s.reached; })) || 1;
    steps.forEach(function (s) {
      var tr = el('tr'); tr.dataset.key = s.step;
      tr.appendChild(el('td', 'label', s.label));
      var td = el('td', 'wide');
      var m = el('div', 'meter'); m.style.width = (100 * s.reached / max) + '%'; td.appendChild(m);
      if (s.stopped) { var st = el('div', 'meter stop'); st.style.width = (100 * s.stopped / max) + '%'; td.appendChild(st); }
      tr.appendChild(td);
      tr.appendChild(el('td', 'num reached', num(s.reached)));
      tr.appendChild(el('td', 'num stopped', num(s.stopped)));
      tbody.appendChild(tr);
    });
  }

  function failures(list) {
    var tbody = clear(document.querySelector('#failures tbody'));
    if (!list.length) { emptyRow(tbody, 4); return; }
    list.forEach(function (f) {
      var tr = el('tr');
      tr.appendChild(el('td', null, f.kind === 'error' ? 'Error' : 'Telegram'));
      tr.appendChild(el('td', null, f.method)); tr.appendChild(el('td', null, f.outcome));
      tr.appendChild(el('td', 'num count', num(f.count)));
      tbody.appendChild(tr);
    });
  }

  function recent(list) {
    var box = clear(document.getElementById('recent'));
    if (!list.length) { box.appendChild(el('li', 'empty', 'No conversations yet')); return; }
    list.forEach(function (c) {
      var li = el('li'); li.dataset.tag = c.tag;
      var head = el('div', 'head');
      head.appendChild(el('span', 'tag', c.tag));
      head.appendChild(el('span', 'lang', c.language));
      var cls = /^Reached/.test(c.outcome) ? 'answered' : /^Stopped/.test(c.outcome) ? 'stopped' : '';
      head.appendChild(el('span', 'outcome ' + cls, c.outcome));
      li.appendChild(head);
      var steps = el('div', 'steps');
      c.steps.forEach(function (s, i) {
        if (i) { steps.appendChild(document.createTextNode(' → ')); }
        steps.appendChild(el('span', null, s.label + ' ' + time(s.at).split(', ').pop()));
      });
      li.appendChild(steps);
      box.appendChild(li);
    });
  }

  function show(summary) {
    figure('started', num(summary.started));
    figure('finished', num(summary.finished));
    figure('completion', summary.started ? Math.round(100 * summary.finished / summary.started) + '%' : '–');
    figure('median', duration(summary.medianMillis));
    figure('inProgress', num(summary.inProgress));
    figure('forgotten', num(summary.forgotten));
    figure('errors', num(summary.errors), summary.errors > 0);
    figure('telegramFailures', num(summary.telegramFailures), summary.telegramFailures > 0);
    columns(summary);
    funnel(summary.funnel);
    bars('situations', summary.situations);
    bars('languages', summary.languages);
    table('offices', summary.offices);
    table('referrals', summary.referrals);
    failures(summary.failures);
  }

  // Links and QR codes: shown only when the bot answers /ops/api/codes.
  var links = document.getElementById('links');
  var linkLanguage = document.getElementById('linkLanguage');
  var referralsByCode = {};
  var linksAbsent = false;

  function csrfHeaders() {
    var h = {};
    h[document.querySelector('meta[name="csrf-header"]').content] =
      document.querySelector('meta[name="csrf-token"]').content;
    return h;
  }

  function codes() {
    var lang = linkLanguage.value || 'en';
    return fetch('/ops/api/codes?lang=' + encodeURIComponent(lang), { credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 404) { links.hidden = true; linksAbsent = true; return null; }
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (data) {
        if (!data) { return; }
        links.hidden = false;
        if (!linkLanguage.options.length) {
          data.languages.forEach(function (l) {
            var o = el('option', null, l.label); o.value = l.tag; linkLanguage.appendChild(o);
          });
          linkLanguage.value = data.language;
        }
        document.getElementById('linksUnavailable').hidden = data.available;
        var tbody = clear(document.querySelector('#codes tbody'));
        data.codes.forEach(function (c) {
          var tr = el('tr'); tr.dataset.key = c.code === null ? 'none' : c.code;
          tr.appendChild(el('td', 'label', c.code === null ? 'No code' : c.code));
          tr.appendChild(el('td', 'num recent-count', num(referralsByCode[c.code === null ? 'none' : c.code] || 0)));
          tr.appendChild(el('td', 'num', c.conversations === null ? '–' : num(c.conversations)));
          tr.appendChild(el('td', 'link', c.link || '–'));
          var dl = el('td', 'downloads');
          if (c.link) {
            ['png', 'svg'].forEach(function (kind) {
              var a = el('a', null, kind.toUpperCase());
              a.href = '/ops/links/qr.' + kind + '?lang=' + encodeURIComponent(data.language) +
                (c.code === null ? '' : '&code=' + encodeURIComponent(c.code));
              a.setAttribute('download', '');
              dl.appendChild(a);
            });
          }
          tr.appendChild(dl);
          tbody.appendChild(tr);
        });
      });
  }

  document.getElementById('newCode').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = document.getElementById('code');
    var message = document.getElementById('codeMessage');
    var headers = csrfHeaders();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    fetch('/ops/api/codes', { method: 'POST', credentials: 'same-origin', headers: headers,
      body: 'code=' + encodeURIComponent(input.value) })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (result) {
        message.className = 'message' + (result.ok ? ' ok' : '');
        message.textContent = result.ok ? 'Created ' + result.body.code + '.' : result.body.error;
        if (result.ok) { input.value = ''; }
        return codes();
      })
      .catch(function (err) { message.className = 'message'; message.textContent = 'Could not create: ' + err.message; });
  });
  linkLanguage.addEventListener('change', function () { codes(); });

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(function (r) {
      if (r.status === 401) { location.href = '/ops/login'; throw new Error('logged out'); }
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    });
  }

  function refresh() {
    clearTimeout(timer);
    var status = document.getElementById('status');
    Promise.all([get('/ops/api/summary?range=' + encodeURIComponent(range)), get('/ops/api/recent')])
      .then(function (both) {
        show(both[0]); recent(both[1]);
        status.className = 'status';
        status.textContent = both[0].rangeLabel + ' · updated ' + time(both[0].generated) +
          ' · refreshes every ' + (POLL_MS / 1000) + ' s';
        document.body.dataset.loaded = both[0].range;
        return codes30(both[0]);
      })
      .catch(function (e) {
        status.className = 'status bad';
        status.textContent = 'Could not update (' + e.message + '); trying again.';
      })
      .then(function () { timer = setTimeout(refresh, POLL_MS); });
  }

  /**
   * The codes table counts the last 30 days, whatever period is shown above; counting a month is the heaviest
   * query, so while another period is shown it is asked for once a minute only.
   */
  var monthAt = 0;
  function codes30(summary) {
    if (linksAbsent) { return null; }
    var fresh = Date.now() - monthAt < 60000;
    var month = summary.range === '30d' ? Promise.resolve(summary)
      : fresh ? Promise.resolve(null) : get('/ops/api/summary?range=30d');
    return month.then(function (m) {
      if (m) {
        monthAt = Date.now();
        referralsByCode = {};
        m.referrals.forEach(function (c) { referralsByCode[c.key] = c.count; });
      }
      return codes();
    });
  }

  function select(r) {
    range = r;
    document.querySelectorAll('.ranges button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.range === r));
    });
    if (location.hash !== '#' + r) { history.replaceState(null, '', '#' + r); }
    delete document.body.dataset.loaded;
    refresh();
  }

  document.querySelectorAll('.ranges button').forEach(function (b) {
    b.addEventListener('click', function () { select(b.dataset.range); });
  });
  select(['today', '7d', '30d'].indexOf(range) >= 0 ? range : 'today');
})();
