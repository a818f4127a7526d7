// RelGraph's interactive page (contract §5). No framework, no network: everything the page
// needs is in the page. The graph data comes from #relgraph-data (see PageData.swift): texts
// already resolved per language, dates with the day numbers §1 "Time" compares.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('relgraph-data').textContent);
  var nodes = data.nodes, edges = data.edges, N = nodes.length, M = edges.length;
  var languages = data.languages, dates = data.dates;

  // ---- Indexes.
  var indexOfId = new Map();
  nodes.forEach(function (node, i) { indexOfId.set(node.id, i); });
  var incident = [];
  for (var i = 0; i < N; i++) incident.push([]);
  edges.forEach(function (edge, k) {
    incident[edge.from].push(k);
    if (edge.to !== edge.from) incident[edge.to].push(k);
  });
  var kindOf = new Map(data.kinds.map(function (kind) { return [kind.id, kind]; }));
  var relationOf = new Map(data.relations.map(function (relation) { return [relation.id, relation]; }));
  var sourceOf = new Map(data.sources.map(function (source) { return [source.id, source]; }));

  /** Compares two strings by Unicode scalar values, as the CLI orders ids. */
  function compareScalars(a, b) {
    var i = 0, j = 0;
    while (i < a.length && j < b.length) {
      var x = a.codePointAt(i), y = b.codePointAt(j);
      if (x !== y) return x < y ? -1 : 1;
      i += x > 0xFFFF ? 2 : 1;
      j += y > 0xFFFF ? 2 : 1;
    }
    return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0);
  }
  var order = nodes.map(function (_, i) { return i; });
  order.sort(function (a, b) { return compareScalars(nodes[a].id, nodes[b].id); });
  var idRank = new Int32Array(N);
  order.forEach(function (node, rank) { idRank[node] = rank; });
  var relationRank = new Map();
  data.relations.map(function (r) { return r.id; }).sort(compareScalars).forEach(function (id, rank) { relationRank.set(id, rank); });

  // ---- State; kept in the URL fragment.
  var state = {
    lang: languages.indexOf(data.language), labels: 0, date: dates.length, focus: -1, depth: 1, edge: -1,
    pathFrom: -1, pathTo: -1, hiddenKinds: new Set(), hiddenRelations: new Set()
  };

  // ---- The page's own words in the language shown: data.words (PageData.swift) holds each
  // word in every language of the page, the document's `ui:` block over RelGraph's table.
  function text(key) {
    var texts = data.words[key];
    return texts ? texts[state.lang] : key;
  }
  /** A phrase with its value: `since {}` → `since 2021`; a text without {} goes before it. */
  function phrase(key, value) {
    var pattern = text(key);
    return pattern.indexOf('{}') >= 0 ? pattern.split('{}').join(value) : pattern + ' ' + value;
  }
  function nodeName(i) { return nodes[i].label[state.lang]; }
  function relationName(id) { var r = relationOf.get(id); return r ? r.label[state.lang] : id; }
  function kindName(id) { var k = kindOf.get(id); return k ? k.label[state.lang] : id; }

  // ---- What is shown: §1 "Time" for the slider, the legend's toggles, isolated nodes.
  var nodeShown = new Uint8Array(N), edgeShown = new Uint8Array(M);

  function existsAt(t, date) {
    if (!t || !date) return true;
    if (t[0] !== null && t[0] > date[2]) return false;   // starts (or happens) after D's last day
    if (t[1] !== null && t[1] < date[1]) return false;   // ended before D's first day
    return true;
  }

  function computeShown() {
    var date = state.date < dates.length ? dates[state.date] : null;
    var i, k;
    for (i = 0; i < N; i++) {
      nodeShown[i] = !state.hiddenKinds.has(nodes[i].kind) && existsAt(nodes[i].t, date) ? 1 : 0;
    }
    for (k = 0; k < M; k++) {
      var edge = edges[k];
      edgeShown[k] = nodeShown[edge.from] && nodeShown[edge.to] && !state.hiddenRelations.has(edge.relation) && existsAt(edge.t, date) ? 1 : 0;
    }
    if (!data.keepIsolated) {
      // A node the filters leave without any of its edges goes too (as `render` does).
      for (i = 0; i < N; i++) {
        if (!nodeShown[i] || incident[i].length === 0) continue;
        var kept = false;
        for (var e = 0; e < incident[i].length && !kept; e++) kept = edgeShown[incident[i][e]] === 1;
        if (!kept) nodeShown[i] = 0;
      }
    }
  }

  /** Nodes within `depth` hops of `start` over shown edges, either direction. */
  function neighbourhood(start, depth) {
    var within = new Uint8Array(N);
    within[start] = 1;
    var frontier = [start];
    for (var step = 0; step < depth && frontier.length; step++) {
      var next = [];
      frontier.forEach(function (node) {
        incident[node].forEach(function (k) {
          if (!edgeShown[k]) return;
          var other = edges[k].from === node ? edges[k].to : edges[k].from;
          if (!within[other]) { within[other] = 1; next.push(other); }
        });
      });
      frontier = next;
    }
    return within;
  }

  /**
   * The shortest path `relgraph path` returns: fewest hops, direction ignored, over what is
   * shown; among shortest paths the one whose node-id sequence is smallest (each hop takes
   * the smallest id still on a shortest path); per hop the edge with the smallest relation
   * id, then the earliest.
   */
  function shortestPath(source, target) {
    if (!nodeShown[source] || !nodeShown[target]) return null;
    var distance = new Int32Array(N).fill(-1);
    distance[target] = 0;
    var queue = [target];
    for (var head = 0; head < queue.length && distance[source] < 0; head++) {
      var node = queue[head];
      incident[node].forEach(function (k) {
        if (!edgeShown[k]) return;
        var other = edges[k].from === node ? edges[k].to : edges[k].from;
        if (distance[other] < 0) { distance[other] = distance[node] + 1; queue.push(other); }
      });
    }
    if (distance[source] < 0) return null;
    var path = { nodes: [source], edges: [] };
    var current = source;
    while (current !== target) {
      var best = -1, bestEdge = -1;
      incident[current].forEach(function (k) {
        if (!edgeShown[k]) return;
        var other = edges[k].from === current ? edges[k].to : edges[k].from;
        if (distance[other] !== distance[current] - 1) return;
        if (best < 0 || idRank[other] < idRank[best]) { best = other; bestEdge = -1; }
        if (other !== best) return;
        if (bestEdge < 0) { bestEdge = k; return; }
        var rank = relationRank.get(edges[k].relation), bestRank = relationRank.get(edges[bestEdge].relation);
        if (rank < bestRank || (rank === bestRank && k < bestEdge)) bestEdge = k;
      });
      path.nodes.push(best);
      path.edges.push(bestEdge);
      current = best;
    }
    return path;
  }

  // ---- Drawings: one per language, the first in the page, the others in templates.
  var canvas = document.getElementById('rg-canvas');
  var drawings = new Map();
  function prepare(svg) {
    var drawing = { svg: svg, nodes: new Array(N), edges: new Array(M), parts: new Array(M), flags: null, box: null, base: null };
    svg.querySelectorAll('g[data-id]').forEach(function (element) {
      var index = indexOfId.get(element.getAttribute('data-id'));
      if (index !== undefined) drawing.nodes[index] = element;
    });
    svg.querySelectorAll('g[data-edge]').forEach(function (element) {
      drawing.edges[Number(element.getAttribute('data-edge'))] = element;
    });
    collectEdgeParts(svg, drawing.parts);
    drawing.flags = new Uint8Array(N + M);
    var box = svg.viewBox.baseVal;
    drawing.base = { x: box.x, y: box.y, w: box.width, h: box.height };
    drawing.box = Object.assign({}, drawing.base);
    var root = svg.querySelector('g.graph');
    var matrix = root && root.transform.baseVal.consolidate();
    drawing.offset = matrix ? { x: matrix.matrix.e, y: matrix.matrix.f } : { x: 0, y: 0 };
    return drawing;
  }
  // One drawing per language and labelling (data.labels: the page opens with the first).
  function labelMode() { return data.labels.length ? data.labels[state.labels].mode : ''; }
  drawings.set(data.language + '|' + labelMode(), prepare(canvas.querySelector('svg.rg-drawing')));
  function drawingFor(language, labels) {
    var key = language + '|' + labels;
    if (!drawings.has(key)) {
      var selector = 'template.rg-drawing-template[data-lang="' + language + '"]' + (labels ? '[data-labels="' + labels + '"]' : '');
      var template = document.querySelector(selector);
      if (!template) return drawings.get(data.language + '|' + (data.labels.length ? data.labels[0].mode : ''));
      drawings.set(key, prepare(document.importNode(template.content.querySelector('svg'), true)));
    }
    return drawings.get(key);
  }
  var current = drawings.get(data.language + '|' + labelMode());

  // ---- Applying the state to the drawing: classes only where they change.
  var FADED = 1, HIDDEN = 2, HIGHLIGHT = 4, FOCUS = 8, MATCH = 16, SELECTED = 32;
  var CLASSES = [[FADED, 'rg-faded'], [HIDDEN, 'rg-hidden'], [HIGHLIGHT, 'rg-highlight'], [FOCUS, 'rg-focus'], [MATCH, 'rg-match'], [SELECTED, 'rg-selected']];
  var matches = new Uint8Array(N);
  var currentPath = null;

  function setFlags(drawing, slot, element, flags) {
    if (!element || drawing.flags[slot] === flags) return;
    var changed = drawing.flags[slot] ^ flags;
    drawing.flags[slot] = flags;
    var elements = slot >= N && drawing.parts[slot - N] ? [element].concat(drawing.parts[slot - N]) : [element];
    for (var c = 0; c < CLASSES.length; c++) {
      if (!(changed & CLASSES[c][0])) continue;
      for (var e = 0; e < elements.length; e++) elements[e].classList.toggle(CLASSES[c][1], (flags & CLASSES[c][0]) !== 0);
    }
  }
  /**
   * The parts of edges drawn through a way node (PageDrawing.swift): the second half and the
   * node with the label, `g[data-edge-part]`, which take the edge's state with it.
   */
  function collectEdgeParts(svg, parts) {
    svg.querySelectorAll('g[data-edge-part]').forEach(function (element) {
      var k = Number(element.getAttribute('data-edge-part'));
      (parts[k] = parts[k] || []).push(element);
    });
  }

  function update() {
    var started = performance.now();
    computeShown();
    if (state.focus >= 0 && !nodeShown[state.focus]) state.focus = -1;
    currentPath = state.pathFrom >= 0 && state.pathTo >= 0 ? shortestPath(state.pathFrom, state.pathTo) : null;
    var onPathNode = new Uint8Array(N), onPathEdge = new Uint8Array(M);
    if (currentPath) {
      currentPath.nodes.forEach(function (n) { onPathNode[n] = 1; });
      currentPath.edges.forEach(function (k) { onPathEdge[k] = 1; });
    }
    var near = state.focus >= 0 ? neighbourhood(state.focus, state.depth) : null;
    var drawing = current;
    for (var i = 0; i < N; i++) {
      var flags = 0;
      if (!nodeShown[i]) flags |= HIDDEN;
      if (currentPath ? !onPathNode[i] : near ? !near[i] : false) flags |= FADED;
      if (onPathNode[i]) flags |= HIGHLIGHT;
      if (i === state.focus) flags |= FOCUS;
      if (matches[i]) flags |= MATCH;
      setFlags(drawing, i, drawing.nodes[i], flags);
    }
    for (var k = 0; k < M; k++) {
      var edge = edges[k], edgeFlags = 0;
      if (!edgeShown[k]) edgeFlags |= HIDDEN;
      if (currentPath ? !onPathEdge[k] : near ? !(near[edge.from] && near[edge.to]) : false) edgeFlags |= FADED;
      if (onPathEdge[k]) edgeFlags |= HIGHLIGHT;
      if (k === state.edge) edgeFlags |= SELECTED;
      setFlags(drawing, N + k, drawing.edges[k], edgeFlags);
    }
    showDetails();
    showPath();
    writeFragment();
    window.relgraphTimings.lastUpdate = performance.now() - started;
  }

  // ---- Pan and zoom through the view box: mouse, touch (pinch), keyboard.
  function applyBox() {
    var b = current.box;
    current.svg.setAttribute('viewBox', b.x + ' ' + b.y + ' ' + b.w + ' ' + b.h);
  }
  function toDrawing(clientX, clientY) {
    var matrix = current.svg.getScreenCTM();
    if (!matrix) return { x: current.box.x + current.box.w / 2, y: current.box.y + current.box.h / 2 };
    var point = current.svg.createSVGPoint();
    point.x = clientX; point.y = clientY;
    return point.matrixTransform(matrix.inverse());
  }
  function zoom(factor, at) {
    var b = current.box, base = current.base;
    var w = Math.min(Math.max(b.w / factor, base.w / 50), base.w * 4);
    factor = b.w / w;
    if (!at) at = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
    b.x = at.x - (at.x - b.x) / factor;
    b.y = at.y - (at.y - b.y) / factor;
    b.w = w; b.h = b.h / factor;
    applyBox();
  }
  function pan(dx, dy) { current.box.x += dx; current.box.y += dy; applyBox(); }
  function fit() { current.box = Object.assign({}, current.base); applyBox(); }
  /** Frames `node` and the neighbourhood shown around it (what is not faded). */
  function centreOn(node) {
    if (!current.nodes[node] || !current.nodes[node].getBBox) return;
    var near = neighbourhood(node, state.depth);
    var left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    for (var i = 0; i < N; i++) {
      if (!near[i] || !nodeShown[i] || !current.nodes[i]) continue;
      var r = current.nodes[i].getBBox();
      left = Math.min(left, r.x); top = Math.min(top, r.y);
      right = Math.max(right, r.x + r.width); bottom = Math.max(bottom, r.y + r.height);
    }
    if (!isFinite(left)) return;
    var base = current.base, margin = 0.08;
    var w = Math.max(right - left, base.w / 12), h = Math.max(bottom - top, base.h / 12);
    current.box = {
      x: left + current.offset.x - w * margin, y: top + current.offset.y - h * margin,
      w: w * (1 + 2 * margin), h: h * (1 + 2 * margin)
    };
    applyBox();
  }

  canvas.addEventListener('wheel', function (event) {
    event.preventDefault();
    zoom(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015)), toDrawing(event.clientX, event.clientY));
  }, { passive: false });

  var pointers = new Map(), dragged = false, pinch = null;
  canvas.addEventListener('pointerdown', function (event) {
    var start = { x: event.clientX, y: event.clientY };
    pointers.set(event.pointerId, { x: start.x, y: start.y, start: start, moving: false });
    dragged = false;
    if (pointers.size === 2) {
      var p = Array.from(pointers.values());
      pinch = Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
    }
  });
  canvas.addEventListener('pointermove', function (event) {
    var last = pointers.get(event.pointerId);
    if (!last) return;
    var now = { x: event.clientX, y: event.clientY, start: last.start, moving: last.moving };
    if (pointers.size === 2 && pinch) {
      // Two fingers: zoom by how much their distance changed, about their midpoint.
      pointers.set(event.pointerId, now);
      var p = Array.from(pointers.values());
      var distance = Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y);
      if (distance > 0) zoom(distance / pinch, toDrawing((p[0].x + p[1].x) / 2, (p[0].y + p[1].y) / 2));
      pinch = distance;
      dragged = true;
      return;
    }
    // A few pixels of movement are still a click.
    if (!last.moving && Math.hypot(now.x - last.start.x, now.y - last.start.y) < 4) return;
    now.moving = true;
    dragged = true;
    if (!canvas.hasPointerCapture(event.pointerId)) canvas.setPointerCapture(event.pointerId);
    var a = toDrawing(last.x, last.y), b = toDrawing(now.x, now.y);
    pan(a.x - b.x, a.y - b.y);
    pointers.set(event.pointerId, now);
  });
  function release(event) {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = null;
  }
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);

  canvas.addEventListener('keydown', function (event) {
    var b = current.box, step = 0.1;
    var handled = true;
    switch (event.key) {
      case 'ArrowLeft': pan(-b.w * step, 0); break;
      case 'ArrowRight': pan(b.w * step, 0); break;
      case 'ArrowUp': pan(0, -b.h * step); break;
      case 'ArrowDown': pan(0, b.h * step); break;
      case '+': case '=': zoom(1.25); break;
      case '-': case '_': zoom(0.8); break;
      case '0': fit(); break;
      case 'Escape': clearAll(); break;
      case 'Enter': case ' ':
        var node = nodeOfElement(event.target);
        if (node >= 0) { focusNode(node, false); } else { handled = false; }
        break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });

  function nodeOfElement(element) {
    var group = element && element.closest ? element.closest('g[data-id]') : null;
    if (!group) return -1;
    var index = indexOfId.get(group.getAttribute('data-id'));
    return index === undefined ? -1 : index;
  }
  function edgeOfElement(element) {
    var group = element && element.closest ? element.closest('g[data-edge], g[data-edge-part]') : null;
    if (!group) return -1;
    return Number(group.hasAttribute('data-edge') ? group.getAttribute('data-edge') : group.getAttribute('data-edge-part'));
  }

  canvas.addEventListener('click', function (event) {
    if (dragged) { dragged = false; return; }
    var node = nodeOfElement(event.target);
    if (node >= 0) {
      if (event.shiftKey) { pickPath(node); return; }
      focusNode(node, false);
      return;
    }
    var edge = edgeOfElement(event.target);
    if (edge >= 0) { state.edge = edge; state.focus = -1; update(); return; }
  });

  function focusNode(node, centre) {
    state.focus = node;
    state.edge = -1;
    update();
    if (centre) centreOn(node);
  }
  function pickPath(node) {
    if (state.pathFrom < 0 || state.pathTo >= 0) { state.pathFrom = node; state.pathTo = -1; } else { state.pathTo = node; }
    update();
  }
  function clearAll() {
    state.focus = -1; state.edge = -1; state.pathFrom = -1; state.pathTo = -1;
    searchBox.value = '';
    search('');
    update();
  }

  // ---- Search: id or label in every language, ranked as `relgraph search` ranks (search.js).
  var searchIndex = new window.RelGraphSearch.Index(nodes.map(function (node) { return [node.id].concat(node.label); }),
    function (a, b) { return idRank[a] - idRank[b]; });
  var searchBox = document.getElementById('relgraph-search');
  var results = document.getElementById('rg-results');
  var found = [];

  function search(value) {
    var query = value.trim() ? value : '';
    matches.fill(0);
    found = query ? searchIndex.search(query) : [];
    found.forEach(function (hit) { matches[hit.node] = 1; });
    results.textContent = '';
    found.slice(0, 12).forEach(function (hit, position) {
      var item = document.createElement('li');
      item.setAttribute('role', 'option');
      item.setAttribute('data-id', nodes[hit.node].id);
      item.setAttribute('data-rank', hit.rankName);
      item.id = 'rg-result-' + position;
      item.tabIndex = -1;
      item.textContent = nodeName(hit.node);
      var small = document.createElement('small');
      small.textContent = ' ' + nodes[hit.node].id + ' · ' + kindName(nodes[hit.node].kind) + (nodeShown[hit.node] ? '' : ' ' + text('hidden'));
      item.appendChild(small);
      item.addEventListener('click', function () { choose(hit.node); });
      results.appendChild(item);
    });
    if (query && !found.length) {
      var none = document.createElement('li');
      none.className = 'rg-none';
      none.textContent = text('noResults');
      results.appendChild(none);
    }
    results.hidden = !query;
  }
  function choose(node) {
    results.hidden = true;
    if (!nodeShown[node]) {
      // A hit the filters hide: show it again (all dates, its kind, every relation) rather
      // than focus nothing.
      state.date = dates.length;
      state.hiddenKinds.delete(nodes[node].kind);
      state.hiddenRelations.clear();
      showDate();
      showLegend();
      computeShown();
    }
    focusNode(node, true);
  }
  searchBox.addEventListener('input', function () { search(searchBox.value); update(); });
  searchBox.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && found.length) { event.preventDefault(); choose(found[0].node); }
    if (event.key === 'ArrowDown' && results.firstChild && results.firstChild.focus) { event.preventDefault(); results.firstChild.focus(); }
    if (event.key === 'Escape') { searchBox.value = ''; search(''); update(); }
  });
  document.addEventListener('pointerdown', function (event) {
    if (!event.target.closest || !event.target.closest('.rg-search')) results.hidden = true;
  });
  searchBox.addEventListener('focus', function () { if (searchBox.value.trim()) results.hidden = false; });
  results.addEventListener('keydown', function (event) {
    var item = event.target;
    if (event.key === 'ArrowDown' && item.nextSibling) { event.preventDefault(); item.nextSibling.focus(); }
    if (event.key === 'ArrowUp') { event.preventDefault(); (item.previousSibling || searchBox).focus(); }
    if (event.key === 'Enter') { event.preventDefault(); item.click(); }
  });

  // ---- Details of a node or an edge.
  var details = document.getElementById('rg-details');
  function element(tag, className, content) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (content !== undefined) e.textContent = content;
    return e;
  }
  function timing(item) {
    if (item.date) return item.date;
    if (item.start && item.end) return item.start + ' – ' + item.end;
    if (item.start) return phrase('since', item.start);
    if (item.end) return phrase('until', item.end);
    return '';
  }
  function row(list, name, value) {
    if (value === undefined || value === null || value === '') return;
    list.appendChild(element('dt', '', name));
    var dd = element('dd');
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
    list.appendChild(dd);
  }
  function sourceValue(id) {
    var source = sourceOf.get(id);
    if (!source) return id;
    var title = source.title[state.lang];
    if (!source.url) return title;
    // Only web addresses become links: a document could carry javascript: or file: URLs.
    if (!/^https?:\/\//i.test(source.url)) return title + ' (' + source.url + ')';
    var link = element('a', '', title);
    link.href = source.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    return link;
  }
  function attributeRows(list, attributes) {
    (attributes || []).forEach(function (pair) { row(list, pair[0], pair[1]); });
  }
  function nodeButton(node) {
    var button = element('button', 'rg-link', nodeName(node));
    button.type = 'button';
    button.addEventListener('click', function () { focusNode(node, true); });
    return button;
  }
  function showDetails() {
    details.textContent = '';
    if (state.focus >= 0) {
      var i = state.focus, node = nodes[i];
      details.appendChild(element('h2', '', nodeName(i)));
      var list = element('dl');
      row(list, text('id'), node.id);
      row(list, text('kind'), kindName(node.kind));
      row(list, text('type'), node.type);
      row(list, text('dates'), timing(node));
      attributeRows(list, node.attributes);
      if (node.source) row(list, text('source'), sourceValue(node.source));
      details.appendChild(list);
      var actions = element('p', 'rg-actions');
      [['pathFrom', function () { state.pathFrom = i; if (state.pathTo === i) state.pathTo = -1; update(); }],
       ['pathTo', function () { state.pathTo = i; if (state.pathFrom === i) state.pathFrom = -1; update(); }]].forEach(function (action) {
        var button = element('button', '', text(action[0]));
        button.type = 'button';
        button.id = 'rg-' + action[0].replace('path', 'path-').toLowerCase() + '-button';
        button.addEventListener('click', action[1]);
        actions.appendChild(button);
      });
      details.appendChild(actions);
      details.appendChild(element('h3', '', text('relations')));
      var relations = element('ul', 'rg-relations');
      incident[i].slice().sort(function (a, b) {
        var oa = edges[a].from === i ? edges[a].to : edges[a].from, ob = edges[b].from === i ? edges[b].to : edges[b].from;
        return idRank[oa] - idRank[ob] || a - b;
      }).forEach(function (k) {
        var edge = edges[k], outgoing = edge.from === i, other = outgoing ? edge.to : edge.from;
        var symmetric = relationOf.get(edge.relation) && relationOf.get(edge.relation).symmetric;
        var item = element('li', edgeShown[k] ? '' : 'rg-off');
        item.appendChild(element('span', 'rg-arrow', symmetric ? '↔ ' : outgoing ? '→ ' : '← '));
        var relation = element('button', 'rg-link rg-relation', relationName(edge.relation));
        relation.type = 'button';
        relation.addEventListener('click', function () { state.edge = k; state.focus = -1; update(); });
        item.appendChild(relation);
        item.appendChild(document.createTextNode(' '));
        item.appendChild(nodeButton(other));
        var when = timing(edge);
        if (when) item.appendChild(element('span', 'rg-when', ' ' + when));
        relations.appendChild(item);
      });
      details.appendChild(relations);
    } else if (state.edge >= 0) {
      var edge = edges[state.edge];
      details.appendChild(element('h2', '', relationName(edge.relation)));
      var facts = element('dl');
      row(facts, text('from'), nodeButton(edge.from));
      row(facts, text('edge'), edge.relation + (relationOf.get(edge.relation) && relationOf.get(edge.relation).symmetric ? ' (' + text('symmetric') + ')' : ''));
      row(facts, text('to'), nodeButton(edge.to));
      row(facts, text('dates'), timing(edge));
      attributeRows(facts, edge.attributes);
      if (edge.source) row(facts, text('source'), sourceValue(edge.source));
      details.appendChild(facts);
    } else {
      details.appendChild(element('p', 'rg-hint', text('hint')));
    }
  }

  // ---- The path picker.
  var pathFromLabel = document.getElementById('rg-path-from');
  var pathToLabel = document.getElementById('rg-path-to');
  var pathResult = document.getElementById('rg-path-result');
  function showPath() {
    pathFromLabel.textContent = state.pathFrom >= 0 ? nodeName(state.pathFrom) : '–';
    pathToLabel.textContent = state.pathTo >= 0 ? nodeName(state.pathTo) : '–';
    pathResult.textContent = '';
    pathResult.removeAttribute('data-nodes');
    if (state.pathFrom < 0 || state.pathTo < 0) return;
    if (!currentPath) { pathResult.appendChild(element('li', 'rg-none', text('noPath'))); return; }
    pathResult.setAttribute('data-nodes', currentPath.nodes.map(function (n) { return nodes[n].id; }).join(' '));
    currentPath.nodes.forEach(function (node, step) {
      var item = element('li');
      if (step > 0) item.appendChild(element('span', 'rg-when', relationName(edges[currentPath.edges[step - 1]].relation) + ' · '));
      item.appendChild(nodeButton(node));
      pathResult.appendChild(item);
    });
  }

  // ---- The legend: kinds and relations, each a toggle; what lines, dates and colours mean.
  function showLegend() {
    var kinds = document.getElementById('rg-legend-kinds');
    var relations = document.getElementById('rg-legend-relations');
    var notes = document.getElementById('rg-legend-notes');
    kinds.textContent = ''; relations.textContent = ''; notes.textContent = '';
    kinds.appendChild(element('h3', '', text('kinds')));
    data.kinds.forEach(function (kind) {
      kinds.appendChild(toggle('kind', kind.id, kindName(kind.id), state.hiddenKinds, kind));
    });
    relations.appendChild(element('h3', '', text('relations')));
    data.relations.forEach(function (relation) {
      relations.appendChild(toggle('relation', relation.id, (relation.symmetric ? '↔ ' : '→ ') + relationName(relation.id), state.hiddenRelations, null, relation));
    });
    var list = element('ul', 'rg-notes');
    ['noteSymmetric', 'noteDates', 'notePickedPath', 'noteFaded'].forEach(function (key) { list.appendChild(element('li', 'rg-' + key, text(key))); });
    notes.appendChild(list);
  }
  var SVG = 'http://www.w3.org/2000/svg';
  /** A short sample of the line a relation is drawn with (where edges carry no label). */
  function lineSample(relation) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', '34'); svg.setAttribute('height', '10'); svg.setAttribute('aria-hidden', 'true');
    var line = document.createElementNS(SVG, 'line');
    line.setAttribute('x1', '1'); line.setAttribute('y1', '5'); line.setAttribute('x2', '33'); line.setAttribute('y2', '5');
    line.setAttribute('stroke', relation.color);
    line.setAttribute('stroke-width', relation.style.indexOf('bold') >= 0 ? '3' : '1.5');
    if (relation.style.indexOf('dashed') >= 0) line.setAttribute('stroke-dasharray', '5 3');
    if (relation.style.indexOf('dotted') >= 0) line.setAttribute('stroke-dasharray', '1.5 2.5');
    svg.appendChild(line);
    return svg;
  }
  function toggle(type, id, label, hidden, kind, relation) {
    var wrapper = element('label', 'rg-toggle');
    var box = element('input');
    box.type = 'checkbox';
    box.checked = !hidden.has(id);
    box.setAttribute('data-' + type, id);
    box.addEventListener('change', function () {
      if (box.checked) hidden.delete(id); else hidden.add(id);
      update();
    });
    wrapper.appendChild(box);
    if (kind) {
      var swatch = element('span', 'rg-swatch rg-shape-' + kind.shape);
      swatch.style.background = kind.fill;
      swatch.style.borderColor = kind.border;
      wrapper.appendChild(swatch);
    }
    if (relation && relation.color && labelsStyled()) wrapper.appendChild(lineSample(relation));
    wrapper.appendChild(document.createTextNode(' ' + label));
    return wrapper;
  }

  // ---- Time slider, depth, language.
  var slider = document.getElementById('relgraph-time');
  var sliderValue = document.getElementById('rg-time-value');
  slider.max = String(dates.length);
  if (!dates.length) slider.disabled = true;
  function showDate() {
    slider.value = String(state.date);
    var label = state.date < dates.length ? dates[state.date][0] : text('allDates');
    sliderValue.textContent = label;
    slider.setAttribute('aria-valuetext', label);
  }
  slider.addEventListener('input', function () { state.date = Number(slider.value); showDate(); update(); });

  var depthChoice = document.getElementById('rg-depth');
  depthChoice.addEventListener('change', function () { state.depth = Number(depthChoice.value); update(); });

  var languageChoice = document.getElementById('relgraph-lang');
  languages.forEach(function (language) {
    var option = element('option', '', language);
    option.value = language;
    languageChoice.appendChild(option);
  });
  if (languages.length < 2) languageChoice.disabled = true;
  languageChoice.addEventListener('change', function () { setLanguage(languages.indexOf(languageChoice.value)); update(); });

  function setLanguage(index) {
    if (index < 0) return;
    state.lang = index;
    var language = languages[index];
    var next = drawingFor(language, labelMode());
    if (next !== current) {
      canvas.replaceChild(next.svg, current.svg);
      current = next;
    }
    languageChoice.value = language;
    document.documentElement.lang = language;
    document.documentElement.dir = data.rtl[index] ? 'rtl' : 'ltr';
    document.getElementById('rg-title').textContent = data.title[index] || document.title;
    document.querySelectorAll('[data-text]').forEach(function (e) { e.textContent = text(e.getAttribute('data-text')); });
    document.querySelectorAll('[data-label]').forEach(function (e) { e.setAttribute('aria-label', text(e.getAttribute('data-label'))); });
    showLabelSwitch();
    showLegend();
    showDate();
    search(searchBox.value);
  }

  // ---- Names on the lines: the switch between the page's two labellings (data.labels), every
  // line named ('always') or not. It swaps the drawing, as a change of language does.
  var labelSwitch = document.getElementById('rg-edge-labels');
  function labelsStyled() { return data.labels.length ? data.labels[state.labels].styled : true; }
  function labelIndex(mode) {
    for (var i = 0; i < data.labels.length; i++) if (data.labels[i].mode === mode) return i;
    return -1;
  }
  function showLabelSwitch() { labelSwitch.checked = labelMode() === 'always'; }
  if (data.labels.length > 1) {
    labelSwitch.closest('.rg-edge-labels').hidden = false;
    labelSwitch.addEventListener('change', function () {
      var wanted = labelSwitch.checked ? labelIndex('always') : data.labels.findIndex(function (l) { return l.mode !== 'always'; });
      state.labels = wanted < 0 ? 0 : wanted;
      setLanguage(state.lang);
      update();
    });
  }

  document.getElementById('rg-zoom-in').addEventListener('click', function () { zoom(1.25); });
  document.getElementById('rg-zoom-out').addEventListener('click', function () { zoom(0.8); });
  document.getElementById('rg-fit').addEventListener('click', fit);
  document.getElementById('rg-clear').addEventListener('click', clearAll);

  // ---- The URL fragment: #lang=hi&asof=1995&focus=india&depth=2&path=a~b&edge=3&hide=kind:x,relation:y
  var writingFragment = false;
  function writeFragment() {
    var parts = [];
    if (state.lang !== languages.indexOf(data.language)) parts.push('lang=' + encodeURIComponent(languages[state.lang]));
    if (state.labels !== 0) parts.push('labels=' + labelMode());
    if (state.date < dates.length) parts.push('asof=' + dates[state.date][0]);
    if (state.focus >= 0) parts.push('focus=' + encodeURIComponent(nodes[state.focus].id));
    if (state.depth !== 1) parts.push('depth=' + state.depth);
    if (state.edge >= 0) parts.push('edge=' + state.edge);
    if (state.pathFrom >= 0 || state.pathTo >= 0) {
      parts.push('path=' + [state.pathFrom, state.pathTo].map(function (n) { return n >= 0 ? encodeURIComponent(nodes[n].id) : ''; }).join('~'));
    }
    var hidden = [];
    state.hiddenKinds.forEach(function (id) { hidden.push('kind:' + encodeURIComponent(id)); });
    state.hiddenRelations.forEach(function (id) { hidden.push('relation:' + encodeURIComponent(id)); });
    if (hidden.length) parts.push('hide=' + hidden.sort().join(','));
    var fragment = parts.join('&');
    if (fragment === (location.hash || '').replace(/^#/, '')) return;
    writingFragment = true;
    try { history.replaceState(null, '', fragment ? '#' + fragment : location.pathname + location.search); }
    catch (error) { location.replace('#' + fragment); }
    writingFragment = false;
  }
  function readFragment() {
    var values = {};
    (location.hash || '').replace(/^#/, '').split('&').forEach(function (part) {
      var at = part.indexOf('=');
      if (at > 0) values[part.slice(0, at)] = part.slice(at + 1);
    });
    function node(id) { var i = indexOfId.get(decodeURIComponent(id || '')); return i === undefined ? -1 : i; }
    var language = languages.indexOf(decodeURIComponent(values.lang || data.language));
    state.labels = Math.max(0, labelIndex(values.labels || ''));
    state.date = dates.length;
    if (values.asof) {
      for (var d = 0; d < dates.length; d++) if (dates[d][0] === values.asof) state.date = d;
    }
    state.focus = node(values.focus);
    state.depth = Math.min(3, Math.max(1, Number(values.depth) || 1));
    depthChoice.value = String(state.depth);
    state.edge = values.edge !== undefined && Number(values.edge) >= 0 && Number(values.edge) < M ? Number(values.edge) : -1;
    var path = (values.path || '').split('~');
    state.pathFrom = node(path[0]);
    state.pathTo = node(path[1]);
    state.hiddenKinds = new Set();
    state.hiddenRelations = new Set();
    (values.hide || '').split(',').forEach(function (item) {
      var at = item.indexOf(':');
      if (at < 0) return;
      var type = item.slice(0, at), id = decodeURIComponent(item.slice(at + 1));
      if (type === 'kind' && kindOf.has(id)) state.hiddenKinds.add(id);
      if (type === 'relation' && relationOf.has(id)) state.hiddenRelations.add(id);
    });
    setLanguage(language < 0 ? languages.indexOf(data.language) : language);
  }
  window.addEventListener('hashchange', function () { if (!writingFragment) { readFragment(); update(); } });

  // ---- Start.
  window.relgraphTimings = { lastUpdate: 0 };
  readFragment();
  update();
  if (state.focus >= 0) centreOn(state.focus);
  window.relgraphTimings.ready = performance.now();
  document.body.setAttribute('data-ready', 'true');
})();
