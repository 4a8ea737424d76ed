// kg view: draws the graph embedded as JSON in #kg-data with Cytoscape.js and the fCoSE layout.
// Every value from the data is rendered with textContent (or as Cytoscape data, drawn on a canvas), never as markup.
(function () {
  'use strict';
  var timings = { start: performance.now() };
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  timings.parsed = performance.now();
  var byId = function (id) { return document.getElementById(id); };

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  var nodeById = new Map();
  var edgesOf = new Map();
  var edgeById = new Map();
  data.nodes.forEach(function (n, i) { n.rank = i; nodeById.set(n.id, n); edgesOf.set(n.id, []); });
  data.edges.forEach(function (e) { edgeById.set(e.id, e); edgesOf.get(e.source).push(e); edgesOf.get(e.target).push(e); });

  document.title = data.title + ' - kg view';
  byId('kg-title').textContent = data.title;

  if (typeof cytoscapeFcose !== 'undefined') cytoscape.use(cytoscapeFcose);

  // ---- state -------------------------------------------------------------------------------------------------
  var state = {
    mode: 'top',            // 'top' (most-mentioned N), 'all', or 'focus'
    focusId: null,
    hops: Math.max(0, data.options.hops | 0),
    minConfidence: +data.options.minConfidence || 0,
    hiddenLabels: new Set(),
    hiddenCategories: new Set(),
  };

  var cy = cytoscape({
    container: byId('kg-graph'),
    elements: [],
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    multiClickDebounceTime: 500,   // a double-click opens a neighbourhood; be lenient with slow machines
    style: [
      { selector: 'node', style: {
        'background-color': 'data(color)', 'border-color': 'data(border)', 'border-width': 2,
        'width': 'data(size)', 'height': 'data(size)',
        'label': 'data(name)', 'font-size': 12, 'color': '#2A2C34',
        'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 3,
        'text-wrap': 'wrap', 'text-max-width': 130,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.75, 'text-background-padding': 1,
        'min-zoomed-font-size': 7,
      } },
      { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#1d1d1d', 'z-index': 20 } },
      { selector: 'edge', style: {
        'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle',
        'width': 'data(width)', 'opacity': 'data(opacity)', 'curve-style': 'bezier', 'arrow-scale': 0.8,
        'label': 'data(type)', 'font-size': 9, 'color': '#333', 'text-rotation': 'autorotate',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
        'min-zoomed-font-size': 7,
      } },
      { selector: 'edge[hedged = 1]', style: { 'line-style': 'dashed' } },
      { selector: 'edge:selected', style: { 'line-color': '#1d1d1d', 'target-arrow-color': '#1d1d1d', 'opacity': 1, 'z-index': 20 } },
      { selector: '.kg-hidden', style: { 'display': 'none' } },
    ],
  });

  // ---- which entities are drawn ------------------------------------------------------------------------------
  function nodeElement(n) {
    return { group: 'nodes', data: { id: n.id, name: n.name, color: n.color, border: n.border, size: n.size } };
  }

  function edgeElement(e) {
    return { group: 'edges', data: {
      id: e.id, source: e.source, target: e.target, type: e.type, color: e.color,
      width: e.width, opacity: e.opacity, hedged: e.asserted ? 0 : 1,
    } };
  }

  function neighbourhood(id, hops) {
    var seen = new Set([id]);
    var frontier = [id];
    for (var h = 0; h < hops && frontier.length > 0; h++) {
      var next = [];
      frontier.forEach(function (v) {
        edgesOf.get(v).forEach(function (e) {
          var w = e.source === v ? e.target : e.source;
          if (!seen.has(w)) { seen.add(w); next.push(w); }
        });
      });
      frontier = next;
    }
    return seen;
  }

  function initialIds() {
    if (state.mode === 'focus') return neighbourhood(state.focusId, state.hops);
    var limit = state.mode === 'all' ? data.nodes.length : data.options.maxNodes;
    return new Set(data.nodes.slice(0, limit).map(function (n) { return n.id; }));
  }

  // A seeded random source for the layout, so the same graph opens with the same picture.
  function seeded(seed) {
    return function () {
      seed = (seed + 0x6D2B79F5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function runLayout(randomize) {
    var n = cy.nodes().length;
    if (n === 0) return;
    var saved = Math.random;
    var began = performance.now();
    Math.random = seeded(20231215);
    try {
      cy.layout({
        name: 'fcose', quality: randomize && n > 1500 ? 'draft' : 'default', randomize: randomize,
        animate: false, fit: true, padding: 30,
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: function () { return 4500; }, idealEdgeLength: function () { return 60; },
        nodeSeparation: 60, packComponents: true, tile: true,
      }).run();
    } finally {
      Math.random = saved;
      timings.layout = (timings.layout || 0) + performance.now() - began;
    }
  }

  function draw(ids) {
    cy.batch(function () {
      cy.elements().remove();
      var elements = [];
      ids.forEach(function (id) { elements.push(nodeElement(nodeById.get(id))); });
      data.edges.forEach(function (e) { if (ids.has(e.source) && ids.has(e.target)) elements.push(edgeElement(e)); });
      cy.add(elements);
    });
    applyFilters();
    runLayout(true);
    updateNote();
  }

  // Adds entities (and their edges to what is drawn) without moving what is already there.
  function addToDrawing(ids) {
    var added = [];
    cy.batch(function () {
      ids.forEach(function (id) {
        if (cy.getElementById(id).nonempty()) return;
        var anchor = edgesOf.get(id).map(function (e) { return cy.getElementById(e.source === id ? e.target : e.source); })
          .filter(function (x) { return x.nonempty(); })[0];
        var p = anchor ? anchor.position() : { x: 0, y: 0 };
        var element = nodeElement(nodeById.get(id));
        element.position = { x: p.x + 40 * Math.cos(added.length), y: p.y + 40 * Math.sin(added.length) };
        cy.add(element);
        added.push(id);
      });
      added.forEach(function (id) {
        edgesOf.get(id).forEach(function (e) {
          if (cy.getElementById(e.id).empty() && cy.getElementById(e.source).nonempty() && cy.getElementById(e.target).nonempty())
            cy.add(edgeElement(e));
        });
      });
    });
    if (added.length > 0) {
      applyFilters();
      runLayout(false);
      updateNote();
    }
  }

  function showTop() { state.mode = 'top'; state.focusId = null; draw(initialIds()); clearDetails(); }
  function showAll() { state.mode = 'all'; state.focusId = null; draw(initialIds()); clearDetails(); }

  function focusOn(id, hops) {
    if (!nodeById.has(id)) return;
    state.mode = 'focus';
    state.focusId = id;
    if (hops !== undefined) state.hops = hops;
    draw(initialIds());
    selectNode(id);
  }

  function updateNote() {
    var note = byId('kg-note');
    var text = byId('kg-note-text');
    var drawn = cy.nodes().length;
    var total = data.nodes.length;
    byId('kg-show-top').hidden = true;
    byId('kg-show-all').hidden = true;
    if (state.mode === 'focus') {
      text.textContent = 'Neighbourhood of ' + nodeById.get(state.focusId).name + ' (' + state.hops + (state.hops === 1 ? ' hop' : ' hops') +
        '): ' + drawn.toLocaleString('en') + ' of ' + total.toLocaleString('en') + ' entities.';
      byId('kg-show-top').hidden = false;
      note.hidden = false;
    } else if (drawn < total) {
      text.textContent = 'Showing ' + drawn.toLocaleString('en') + ' of ' + total.toLocaleString('en') +
        ' entities: the most mentioned, and those you opened. Search for the others, or double-click a node for its neighbourhood.';
      byId('kg-show-all').hidden = false;
      note.hidden = false;
    } else {
      note.hidden = true;
    }
  }

  // ---- filters and legend ------------------------------------------------------------------------------------
  function applyFilters() {
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var n = nodeById.get(node.id());
        var hidden = n.labels.some(function (l) { return state.hiddenLabels.has(l); });
        node.toggleClass('kg-hidden', hidden);
      });
      cy.edges().forEach(function (edge) {
        var e = edgeById.get(edge.id());
        var hidden = e.confidence < state.minConfidence || state.hiddenCategories.has(e.category) ||
          edge.source().hasClass('kg-hidden') || edge.target().hasClass('kg-hidden');
        edge.toggleClass('kg-hidden', hidden);
      });
    });
    var shown = cy.edges().filter(function (x) { return !x.hasClass('kg-hidden'); }).length;
    byId('kg-edge-count').textContent = shown + ' of ' + cy.edges().length + ' drawn relationships shown';
  }

  function legendItem(list, name, count, swatch, hiddenSet) {
    var li = el('li');
    var label = el('label');
    var box = el('input');
    box.type = 'checkbox';
    box.checked = !hiddenSet.has(name);
    box.dataset.name = name;
    box.addEventListener('change', function () {
      if (box.checked) hiddenSet.delete(name); else hiddenSet.add(name);
      applyFilters();
    });
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el('span', null, name));
    label.appendChild(el('span', 'kg-count', count));
    li.appendChild(label);
    list.appendChild(li);
  }

  data.labels.forEach(function (l) {
    var swatch = el('span', 'kg-swatch');
    swatch.style.backgroundColor = l.color;
    swatch.style.borderColor = l.border;
    legendItem(byId('kg-labels'), l.name, l.count, swatch, state.hiddenLabels);
  });
  var categoryColour = new Map();
  data.edges.forEach(function (e) { if (!categoryColour.has(e.category)) categoryColour.set(e.category, e.color); });
  data.categories.forEach(function (c) {
    var swatch = el('span', 'kg-line');
    swatch.style.backgroundColor = categoryColour.get(c.name) || '#A5ABB6';
    legendItem(byId('kg-categories'), c.name, c.count, swatch, state.hiddenCategories);
  });

  var slider = byId('kg-confidence');
  function setMinConfidence(value) {
    state.minConfidence = Math.min(1, Math.max(0, +value || 0));
    slider.value = String(state.minConfidence);
    byId('kg-confidence-value').textContent = state.minConfidence.toFixed(2);
    applyFilters();
  }
  slider.addEventListener('input', function () { setMinConfidence(slider.value); });

  // ---- details -----------------------------------------------------------------------------------------------
  var details = byId('kg-details');

  function clearDetails() {
    details.replaceChildren(el('p', 'kg-hint', 'Click a node or an edge to see its details and evidence.'));
  }

  function row(dl, term, value) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return;
    dl.appendChild(el('dt', null, term));
    var dd = el('dd');
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = Array.isArray(value) ? value.join(', ') : String(value);
    dl.appendChild(dd);
  }

  function docTitle(i) { return data.documents[i] ? data.documents[i].title : ''; }

  function showNode(id) {
    var n = nodeById.get(id);
    var box = document.createDocumentFragment();
    box.appendChild(el('h2', null, n.name));
    var chips = el('div');
    n.labels.forEach(function (l) { chips.appendChild(el('span', 'kg-chip', l)); });
    box.appendChild(chips);
    var dl = el('dl');
    row(dl, 'Mentions', n.mentions);
    row(dl, 'Role', n.role);
    row(dl, 'Confidence', n.confidence);
    row(dl, 'Id', n.id);
    box.appendChild(dl);
    if (n.aliases.length > 0) {
      box.appendChild(el('h3', null, 'Aliases'));
      var ul = el('ul');
      n.aliases.forEach(function (a) { ul.appendChild(el('li', null, a)); });
      box.appendChild(ul);
    }
    if (n.docs.length > 0) {
      box.appendChild(el('h3', null, n.docs.length === 1 ? 'Document' : 'Documents (' + n.docs.length + ')'));
      var docs = el('ul');
      n.docs.forEach(function (i) { docs.appendChild(el('li', null, docTitle(i))); });
      box.appendChild(docs);
    }
    var edges = edgesOf.get(id);
    if (edges.length > 0) {
      box.appendChild(el('h3', null, 'Relationships (' + edges.length + ')'));
      var rel = el('ul');
      edges.slice().sort(function (a, b) { return b.confidence - a.confidence; }).forEach(function (e) {
        var li = el('li');
        var other = nodeById.get(e.source === id ? e.target : e.source).name;
        var text = e.source === id ? e.type + ' \u2192 ' + other : other + ' \u2192 ' + e.type + ' \u2192 (this)';
        var b = el('button', 'kg-link', text + ' (' + e.confidence.toFixed(2) + ')');
        b.type = 'button';
        b.addEventListener('click', function () { selectEdge(e.id); });
        li.appendChild(b);
        rel.appendChild(li);
      });
      box.appendChild(rel);
    }
    var open = el('button', 'kg-link', 'Show only its neighbourhood');
    open.type = 'button';
    open.addEventListener('click', function () { focusOn(id); });
    box.appendChild(el('p')).appendChild(open);
    details.replaceChildren(box);
  }

  // The parts of a sentence, with every occurrence of a trigger ("led", "U.N. ... Mission") marked.
  function highlighted(sentence, triggers) {
    var ranges = [];
    triggers.forEach(function (t) {
      t.split(' ... ').forEach(function (part) {
        part = part.trim();
        if (part.length === 0) return;
        var hay = sentence.toLowerCase(), needle = part.toLowerCase();
        for (var at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
      });
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var q = el('q');
    var pos = 0;
    ranges.forEach(function (r) {
      if (r[0] < pos) return;
      if (r[0] > pos) q.appendChild(document.createTextNode(sentence.slice(pos, r[0])));
      q.appendChild(el('mark', null, sentence.slice(r[0], r[1])));
      pos = r[1];
    });
    if (pos < sentence.length) q.appendChild(document.createTextNode(sentence.slice(pos)));
    return q;
  }

  function showEdge(id) {
    var e = edgeById.get(id);
    var box = document.createDocumentFragment();
    var h = el('h2');
    h.appendChild(el('span', null, nodeById.get(e.source).name));
    h.appendChild(el('span', null, ' \u2014' + e.type + '\u2192 '));
    h.appendChild(el('span', null, nodeById.get(e.target).name));
    box.appendChild(h);
    var dl = el('dl');
    row(dl, 'Category', e.category);
    row(dl, 'Confidence', e.confidence.toFixed(2));
    var status = el('span', e.asserted ? 'kg-badge' : 'kg-badge kg-hedged',
      e.asserted ? 'asserted' : 'hedged' + (e.modality.length ? ' (' + e.modality.join(', ') + ')' : '') + ': not stated as fact');
    row(dl, 'Status', status);
    row(dl, 'Dates', e.dates);
    row(dl, 'Attributed to', e.attributedTo);
    row(dl, 'Trigger', e.triggers);
    row(dl, 'Readings', e.evidenceCount);
    box.appendChild(dl);
    box.appendChild(el('h3', null, e.evidence.length === 1 ? 'Evidence' : 'Evidence (' + e.evidence.length + ' sentences)'));
    var ul = el('ul', 'kg-evidence');
    e.evidence.forEach(function (ev) {
      var li = el('li');
      li.appendChild(highlighted(ev.text, e.triggers));
      li.appendChild(el('span', 'kg-doc', ev.docs.map(docTitle).join('; ')));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    details.replaceChildren(box);
  }

  function selectNode(id) {
    if (!nodeById.has(id)) return;
    if (cy.getElementById(id).empty()) addToDrawing([id].concat(Array.from(neighbourhood(id, 1))));
    var node = cy.getElementById(id);
    cy.elements(':selected').unselect();
    node.select();
    if (cy.zoom() < 0.6) cy.zoom({ level: 0.8, position: node.position() });
    cy.center(node);
    showNode(id);
  }

  function selectEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    if (cy.getElementById(id).empty()) addToDrawing([e.source, e.target]);
    var edge = cy.getElementById(id);
    cy.elements(':selected').unselect();
    edge.select();
    showEdge(id);
  }

  cy.on('tap', 'node', function (evt) { showNode(evt.target.id()); });
  cy.on('tap', 'edge', function (evt) { showEdge(evt.target.id()); });
  cy.on('tap', function (evt) { if (evt.target === cy) clearDetails(); });
  cy.on('dbltap', 'node', function (evt) { focusOn(evt.target.id()); });
  byId('kg-show-top').addEventListener('click', showTop);
  byId('kg-show-all').addEventListener('click', showAll);

  // ---- search ------------------------------------------------------------------------------------------------
  var search = byId('kg-search');
  var results = byId('kg-results');
  var matches = [];

  function find(query) {
    var q = query.trim().toLowerCase();
    if (q.length === 0) return [];
    var found = [];
    data.nodes.forEach(function (n) {
      var best = null;
      function consider(text, isAlias) {
        var t = text.toLowerCase();
        var at = t.indexOf(q);
        if (at < 0) return;
        var score = (t === q ? 0 : at === 0 ? 2 : 4) + (isAlias ? 1 : 0);
        if (best === null || score < best.score) best = { node: n, score: score, alias: isAlias ? text : null };
      }
      consider(n.name, false);
      n.aliases.forEach(function (a) { if (a !== n.name) consider(a, true); });
      if (best !== null) found.push(best);
    });
    found.sort(function (a, b) { return a.score - b.score || a.node.rank - b.node.rank; });
    return found.slice(0, 15);
  }

  function showResults() {
    matches = find(search.value);
    results.replaceChildren();
    matches.forEach(function (m, i) {
      var li = el('li', i === 0 ? 'kg-active' : null);
      var b = el('button');
      b.type = 'button';
      b.appendChild(el('span', null, m.node.name));
      var more = m.node.labels.join(', ') + (m.alias ? ' \u00b7 alias "' + m.alias + '"' : '') + ' \u00b7 ' + m.node.mentions + ' mentions';
      b.appendChild(el('span', 'kg-small', more));
      b.addEventListener('click', function () { choose(m); });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (matches.length === 0 && search.value.trim().length > 0) results.appendChild(el('li', 'kg-small', 'No entity matches.'));
    results.hidden = search.value.trim().length === 0;
  }

  function choose(m) {
    results.hidden = true;
    selectNode(m.node.id);
  }

  search.addEventListener('input', showResults);
  search.addEventListener('keydown', function (evt) {
    if (evt.key === 'Enter') { evt.preventDefault(); matches = find(search.value); if (matches.length > 0) choose(matches[0]); }
    else if (evt.key === 'Escape') { search.value = ''; results.hidden = true; }
  });

  // ---- start -------------------------------------------------------------------------------------------------
  setMinConfidence(state.minConfidence);
  if (data.options.focus && nodeById.has(data.options.focus)) {
    focusOn(data.options.focus);
  } else {
    if (location.hash === '#all') state.mode = 'all';
    draw(initialIds());
  }

  // For tests and benchmarks: the time from navigation to a laid-out, clickable graph.
  window.kgView = {
    cy: cy, data: data, selectNode: selectNode, selectEdge: selectEdge, focusOn: focusOn, showAll: showAll, showTop: showTop,
    readyMs: Math.round(performance.now()),
    timings: timings,
  };
  document.body.setAttribute('data-ready-ms', String(window.kgView.readyMs));
  // Where the time went: until this script started (HTML and library parsing), JSON parsing, layout.
  document.body.setAttribute('data-timings', 'script-start=' + Math.round(timings.start) + ' json=' + Math.round(timings.parsed - timings.start) +
    ' layout=' + Math.round(timings.layout || 0));
})();
