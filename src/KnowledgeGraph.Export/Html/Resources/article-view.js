// kg analyze --html: the article with its mentions highlighted (displaCy's entity style), coreferent mentions linked,
// and each relation under its sentence. Every value from the data is rendered with textContent, never as markup.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  var byId = function (id) { return document.getElementById(id); };
  var ABBR = { Person: 'PERSON', Organization: 'ORG', Location: 'LOC', Event: 'EVENT' };

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  var title = data.title || 'Article';
  document.title = title + ' - kg analyze';
  byId('kg-title').textContent = title;
  var negated = data.relations.filter(function (r) { return r.negated; }).length;
  var hedged = data.relations.filter(function (r) { return !r.negated && r.modality; }).length;
  // A file path is shown by its name (where the file was is the reader's business, not the page's); a URL whole.
  var source = data.source && data.source.indexOf('://') < 0 ? data.source.split(/[\\/]/).pop() : data.source;
  byId('kg-meta').textContent = [source, data.date, data.entities.length + ' entities', data.mentions.length + ' mentions',
    data.relations.length + ' relations' + (negated || hedged ? ' (' + negated + ' negated, ' + hedged + ' hedged)' : '')]
    .filter(function (x) { return x; }).join(' \u00b7 ');
  Object.keys(data.types).forEach(function (t) {
    var li = el('li');
    var sw = el('span', 'kg-swatch');
    sw.style.backgroundColor = data.types[t].color;
    sw.style.borderColor = data.types[t].border;
    li.appendChild(sw);
    li.appendChild(el('span', null, (ABBR[t] || t) + ' ' + t));
    byId('kg-legend').appendChild(li);
  });
  [['kg-sample kg-name', 'a name'], ['kg-sample kg-pronoun', 'a description or pronoun'], ['kg-sample kg-unlinked', 'names no entity']].forEach(function (k) {
    var li = el('li');
    var sample = el('mark', k[0], 'text');
    sample.style.backgroundColor = '#dddddd';
    li.appendChild(sample);
    li.appendChild(el('span', null, k[1]));
    byId('kg-legend').appendChild(li);
  });
  if (data.dropped.length > 0) {
    var dropped = byId('kg-dropped');
    dropped.hidden = false;
    dropped.textContent = data.dropped.length + ' mention(s) overlap another across its boundary and are not highlighted.';
  }

  // ---- the text ----------------------------------------------------------------------------------------------
  var textNodes = [];            // [{node, start}] in text order: maps document offsets to the DOM
  var markOf = new Map();        // mention index -> its <mark>
  var sentenceEl = new Map();    // sentence index -> its element
  var article = byId('kg-article');
  var para = el('div', 'kg-para');
  article.appendChild(para);

  function text(parent, s, start) {
    var node = document.createTextNode(s);
    parent.appendChild(node);
    textNodes.push({ node: node, start: start });
    return start + s.length;
  }

  function renderParts(parent, parts, offset) {
    parts.forEach(function (p) {
      if (typeof p === 'string') { offset = text(parent, p, offset); return; }
      var m = data.mentions[p.m];
      var mark = el('mark', 'kg-ent kg-' + m.kind.toLowerCase() + (m.entity < 0 ? ' kg-unlinked' : ''));
      mark.style.backgroundColor = data.types[m.type] ? data.types[m.type].color : '#ddd';
      mark.setAttribute('data-label', ABBR[m.type] || m.type);
      mark.setAttribute('data-type', m.type);
      mark.setAttribute('data-mention', String(p.m));
      mark.setAttribute('data-start', String(m.start));
      if (m.entity >= 0) mark.setAttribute('data-entity', String(m.entity));
      mark.title = m.entity >= 0
        ? data.entities[m.entity].name + ' (' + [m.type].concat(data.entities[m.entity].fine).join(', ') + ')'
        : m.type + (m.fine ? ', ' + m.fine : '') + ': names no entity';
      markOf.set(p.m, mark);
      offset = renderParts(mark, p.parts, offset);
      parent.appendChild(mark);
    });
    return offset;
  }

  var offset = 0;
  data.blocks.forEach(function (b) {
    if (b.gap !== undefined) {
      // Whitespace between sentences; a line break starts a new paragraph.
      if (b.gap.indexOf('\n') >= 0) {
        if (para.childNodes.length > 0) { para = el('div', 'kg-para'); article.appendChild(para); }
      } else if (b.gap.length > 0) {
        text(para, b.gap, offset);
      }
      offset += b.gap.length;
      return;
    }
    var sent = el('span', 'kg-sent');
    sent.setAttribute('data-sentence', String(b.s));
    sentenceEl.set(b.s, sent);
    offset = renderParts(sent, b.parts, b.start);
    para.appendChild(sent);
    if (b.rels.length > 0) {
      var ul = el('ul', 'kg-rels');
      b.rels.forEach(function (i) { ul.appendChild(relationItem(i)); });
      para.appendChild(ul);
    }
  });

  // ---- relations ---------------------------------------------------------------------------------------------
  function relationItem(i) {
    var r = data.relations[i];
    var li = el('li');
    var b = el('button', 'kg-rel' + (r.negated ? ' kg-negated' : '') + (r.modality ? ' kg-hedged' : ''));
    b.type = 'button';
    b.setAttribute('data-relation', String(i));
    b.appendChild(el('span', 'kg-subj', data.entities[r.subject].name));
    b.appendChild(el('span', 'kg-type', r.type));
    b.appendChild(el('span', 'kg-obj', data.entities[r.object].name));
    b.appendChild(el('span', 'kg-conf', r.confidence.toFixed(2)));
    b.appendChild(el('span', 'kg-badge', r.category));
    if (r.negated) b.appendChild(el('span', 'kg-badge kg-neg', 'negated: not asserted'));
    if (r.modality) b.appendChild(el('span', 'kg-badge kg-hedge', 'hedged: ' + r.modality));
    if (r.attributedTo) b.appendChild(el('span', 'kg-badge', 'according to ' + r.attributedTo));
    if (r.date) b.appendChild(el('span', 'kg-badge', 'date ' + r.date));
    b.appendChild(el('span', 'kg-small', '\u201c' + r.trigger + '\u201d'));
    b.addEventListener('click', function () { showRelation(i, b); });
    li.appendChild(b);
    return li;
  }

  function rangeOf(start, end) {
    function locate(pos, preferNext) {
      for (var k = 0; k < textNodes.length; k++) {
        var t = textNodes[k];
        var len = t.node.data.length;
        if (pos < t.start + len || (!preferNext && pos === t.start + len)) {
          if (pos >= t.start) return { node: t.node, offset: pos - t.start };
          return { node: t.node, offset: 0 };
        }
      }
      return null;
    }
    var a = locate(start, true), z = locate(end, false);
    if (!a || !z) return null;
    var range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(z.node, z.offset);
    return range;
  }

  function clearFocus() {
    document.querySelectorAll('.kg-focus').forEach(function (x) { x.classList.remove('kg-focus'); });
    document.querySelectorAll('.kg-rel.kg-active').forEach(function (x) { x.classList.remove('kg-active'); });
    if (window.CSS && CSS.highlights) CSS.highlights.delete('kg-trigger');
  }

  function showRelation(i, button) {
    var r = data.relations[i];
    clearFocus();
    button.classList.add('kg-active');
    var range = rangeOf(r.triggerStart, r.triggerEnd);
    if (range) {
      if (window.CSS && CSS.highlights && typeof Highlight === 'function') CSS.highlights.set('kg-trigger', new Highlight(range));
      else { var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range); }
    }
    var sent = sentenceEl.get(r.sentence);
    [r.subject, r.object].forEach(function (e) {
      data.entities[e].mentions.forEach(function (m) {
        var mark = markOf.get(m);
        if (mark && sent && sent.contains(mark)) mark.classList.add('kg-focus');
      });
    });
    if (sent) sent.scrollIntoView({ block: 'center' });
    var panel = byId('kg-panel');
    var box = document.createDocumentFragment();
    var h = el('h2');
    h.appendChild(el('span', null, data.entities[r.subject].name + ' '));
    h.appendChild(el('span', null, (r.negated ? 'NOT ' : '') + r.type));
    h.appendChild(el('span', null, ' ' + data.entities[r.object].name));
    box.appendChild(h);
    var dl = el('dl');
    function row(term, value) { if (value === null || value === undefined || value === '') return; dl.appendChild(el('dt', null, term)); dl.appendChild(el('dd', null, value)); }
    row('Category', r.category);
    row('Confidence', r.confidence.toFixed(2));
    row('Trigger', r.trigger);
    row('Status', r.negated ? 'negated: the text denies it; not asserted in the graph' : r.modality ? 'hedged (' + r.modality + '): not stated as fact' : 'asserted');
    row('Attributed to', r.attributedTo);
    row('Date', r.date);
    row('Sentence', String(r.sentence + 1));
    box.appendChild(dl);
    panel.replaceChildren(box);
  }

  // ---- entities and coreference ------------------------------------------------------------------------------
  function marksOf(entity) {
    return data.entities[entity].mentions.map(function (m) { return markOf.get(m); }).filter(function (x) { return x; });
  }

  function showEntity(entity, mentionIndex) {
    document.querySelectorAll('mark.kg-coref').forEach(function (x) { x.classList.remove('kg-coref'); });
    var panel = byId('kg-panel');
    var box = document.createDocumentFragment();
    if (entity < 0) {
      var m = data.mentions[mentionIndex];
      box.appendChild(el('h2', null, markOf.get(mentionIndex).textContent));
      box.appendChild(el('p', null, 'A ' + m.type + (m.fine ? ' (' + m.fine + ')' : '') + ' mention that names no entity, so it is not a node of the graph.'));
      panel.replaceChildren(box);
      return;
    }
    var e = data.entities[entity];
    marksOf(entity).forEach(function (x) { x.classList.add('kg-coref'); });
    box.appendChild(el('h2', null, e.name));
    var chips = el('div');
    [e.type].concat(e.fine).forEach(function (l) { chips.appendChild(el('span', 'kg-chip', l)); });
    box.appendChild(chips);
    var dl = el('dl');
    Object.keys(e.attributes).forEach(function (k) { dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', null, e.attributes[k])); });
    box.appendChild(dl);
    if (e.aliases.length > 0) {
      box.appendChild(el('h3', null, 'Aliases'));
      var ul = el('ul');
      e.aliases.forEach(function (a) { ul.appendChild(el('li', null, a)); });
      box.appendChild(ul);
    }
    box.appendChild(el('h3', null, 'Mentions (' + e.mentions.length + ')'));
    var list = el('ol', 'kg-mentions');
    e.mentions.forEach(function (mi) {
      var mark = markOf.get(mi);
      if (!mark) return;
      var li = el('li');
      var b = el('button', 'kg-link', mark.textContent);
      b.type = 'button';
      b.addEventListener('click', function () {
        mark.scrollIntoView({ block: 'center' });
        mark.classList.remove('kg-flash');
        void mark.offsetWidth;
        mark.classList.add('kg-flash');
      });
      li.appendChild(b);
      li.appendChild(el('span', 'kg-small', ' sentence ' + (data.mentions[mi].sentence + 1) + ', ' + data.mentions[mi].kind.toLowerCase()));
      list.appendChild(li);
    });
    box.appendChild(list);
    panel.replaceChildren(box);
  }

  markOf.forEach(function (mark, mi) {
    var entity = data.mentions[mi].entity;
    mark.addEventListener('click', function (evt) { evt.stopPropagation(); showEntity(entity, mi); });
    if (entity >= 0) {
      mark.addEventListener('mouseenter', function () { marksOf(entity).forEach(function (x) { x.classList.add('kg-hover'); }); });
      mark.addEventListener('mouseleave', function () { marksOf(entity).forEach(function (x) { x.classList.remove('kg-hover'); }); });
    }
  });

  window.kgArticle = { data: data, rangeOf: rangeOf, ready: true };
})();
