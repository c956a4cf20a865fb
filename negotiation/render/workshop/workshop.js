// The workshop page: sliders over a grid solved ahead of time. Each move looks up
// the grid point it lands on and redraws the panels; nothing is computed or
// interpolated here. window.workshop lets tests and benchmarks drive the page.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("workshop-data").textContent);
  var S = data.strings;
  var SVG = "http://www.w3.org/2000/svg";
  var COLOURS = ["#1f5fa8", "#c0392b", "#2e7d32", "#7b3fa0"];
  var sliders = data.sliders;
  var strides = [];
  var shownTree = null;
  var timings = [];

  // Row-major over the sliders, in the order the grid was swept.
  (function () {
    var stride = 1;
    for (var k = sliders.length - 1; k >= 0; k--) { strides[k] = stride; stride *= sliders[k].values.length; }
  })();

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var key in attrs || {}) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    for (var key in attrs || {}) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function number(value) {
    var text = Number(value.toPrecision(4)).toString();
    return text === "-0" ? "0" : text;
  }

  function positions() {
    return sliders.map(function (_, k) { return Number(document.getElementById("s-" + k).value); });
  }

  function setup() {
    var s = data.scenario;
    document.getElementById("meta").textContent = s.date + " · scenario " + s.name;
    document.getElementById("summary").textContent = s.summary;
    var box = document.getElementById("sliders");
    sliders.forEach(function (slider, k) {
      var row = el("div", {"class": "slider"});
      var label = el("label", {"for": "s-" + k}, slider.name);
      if (slider.unit) label.appendChild(el("span", {"class": "unit"}, " (" + slider.unit + ")"));
      var input = el("input", {"type": "range", "id": "s-" + k, "min": "0", "max": String(slider.values.length - 1),
                               "step": "1", "value": String(slider.start), "aria-describedby": "r-" + k});
      input.addEventListener("input", render);
      row.appendChild(label);
      row.appendChild(input);
      row.appendChild(el("output", {"id": "o-" + k, "for": "s-" + k}));
      row.appendChild(el("span", {"class": "position", "id": "p-" + k}));
      row.appendChild(el("p", {"class": "reason", "id": "r-" + k},
        slider.reason.replace(/\.?$/, ".") + " Range " + slider.labels[0] + " to " + slider.labels[slider.labels.length - 1] +
        "; the scenario's value is " + slider.labels[slider.start] + " (★)."));
      box.appendChild(row);
    });
    var held = document.querySelector("#held ul");
    data.held.forEach(function (h) { held.appendChild(el("li", {}, h[0] + " = " + h[1] + (h[2] ? " " + h[2] : ""))); });
    if (!data.held.length) document.getElementById("held").hidden = true;
    document.getElementById("reset").addEventListener("click", function () {
      select(sliders.map(function (s) { return s.start; }));
    });
  }

  function select(indexes) {
    indexes.forEach(function (i, k) { document.getElementById("s-" + k).value = String(i); });
    render();
  }

  function render() {
    var started = performance.now();
    var at = positions();
    var index = 0;
    at.forEach(function (i, k) { index += i * strides[k]; });
    var point = data.points[index];
    showPosition(at);
    showVerdicts(point);
    showMatrix(point.matrix);
    showTree(point.tree);
    showDeal(point.deal);
    showGains(point.gains);
    void document.body.offsetHeight;  // lay the page out, so the time includes it
    timings.push(performance.now() - started);
  }

  function showPosition(at) {
    var parts = [];
    sliders.forEach(function (slider, k) {
      var i = at[k];
      document.getElementById("o-" + k).textContent = slider.labels[i] + (slider.unit ? " " + slider.unit : "") +
        (i === slider.start ? " ★" : "");
      document.getElementById("p-" + k).textContent = "point " + (i + 1) + " of " + slider.values.length;
      parts.push(slider.name + " = " + slider.labels[i]);
    });
    document.getElementById("grid-note").textContent = "Showing the model solved at " + parts.join(", ") +
      ". Only these grid points were solved; the page shows nothing in between.";
  }

  function showVerdicts(point) {
    document.getElementById("bottom-line").textContent = S[point.bottom];
    var body = document.querySelector("#verdicts tbody");
    body.textContent = "";
    point.verdicts.forEach(function (pair) {
      var row = el("tr");
      row.appendChild(el("th", {"scope": "row"}, S[pair[0]]));
      row.appendChild(el("td", {}, S[pair[1]]));
      body.appendChild(row);
    });
  }

  function showMatrix(matrix) {
    var panel = document.getElementById("matrix-panel");
    panel.hidden = matrix === null;
    if (matrix !== null) document.getElementById("matrix").innerHTML = S[matrix];  // HTML escaped in Python
  }

  function showTree(tree) {
    var panel = document.getElementById("tree-panel");
    var box = document.getElementById("tree");
    panel.hidden = tree === null;
    if (tree === null) return;
    if (tree.note !== undefined) {
      shownTree = null;
      box.textContent = S[tree.note];
      return;
    }
    if (shownTree !== tree.svg) { box.innerHTML = S[tree.svg]; shownTree = tree.svg; }
    tree.values.forEach(function (values, leaf) {
      var slots = box.querySelectorAll('[data-leaf="' + leaf + '"] tspan.v');
      values.forEach(function (v, i) { slots[i].textContent = v; });
    });
    var path = {}, plan = {};
    tree.path.forEach(function (k) { path[k] = true; });
    tree.plan.forEach(function (k) { plan[k] = true; });
    box.querySelectorAll("[data-edge]").forEach(function (edge) {
      var k = edge.getAttribute("data-edge");
      edge.classList.toggle("path", !!path[k]);
      edge.classList.toggle("plan", !!plan[k]);
    });
  }

  function ticks(lo, hi) {
    var span = hi - lo || 1;
    var step = Math.pow(10, Math.floor(Math.log10(span / 4)));
    [1, 2, 5, 10].some(function (m) { if (span / (step * m) <= 6) { step *= m; return true; } return false; });
    var out = [];
    for (var t = Math.ceil(lo / step) * step; t <= hi + 1e-9 * span; t += step) out.push(Number(t.toPrecision(12)));
    return out;
  }

  function axis(svg, scale, lo, hi, y, top) {
    ticks(lo, hi).forEach(function (t) {
      var x = scale(t);
      svg.appendChild(svgEl("line", {"x1": x, "x2": x, "y1": top, "y2": y, "class": "grid"}));
      svg.appendChild(svgEl("text", {"x": x, "y": y + 16, "text-anchor": "middle", "class": "tick"}, number(t)));
    });
  }

  function showDeal(deal) {
    var panel = document.getElementById("deal-panel");
    panel.hidden = deal === null;
    if (deal === null) return;
    var lo = data.scales.deal[0], hi = data.scales.deal[1];
    var sides = Object.keys(deal.sides);
    var width = 640, left = 110, right = 24, rowHeight = 34;
    var height = rowHeight * (sides.length + 1) + 52;
    var scale = function (v) { return left + (v - lo) / ((hi - lo) || 1) * (width - left - right); };
    var svg = svgEl("svg", {"viewBox": "0 0 " + width + " " + height, "role": "img", "aria-label": "deal range",
                            "style": "max-width:" + width * 1.4 + "px"});
    axis(svg, scale, lo, hi, height - 40, 4);
    var rows = sides.map(function (side) { return [side + " accepts", deal.sides[side], "side"]; });
    rows.push(["deal range", deal.intervals, "deal"]);
    rows.forEach(function (row, r) {
      var y = 8 + r * rowHeight;
      svg.appendChild(svgEl("text", {"x": left - 8, "y": y + 17, "text-anchor": "end"}, row[0]));
      svg.appendChild(svgEl("rect", {"x": scale(lo), "y": y + 6, "width": scale(hi) - scale(lo), "height": 16,
                                     "class": "track"}));
      row[1].forEach(function (iv) {
        svg.appendChild(svgEl("rect", {"x": scale(iv[0]), "y": y + 6, "width": Math.max(2, scale(iv[1]) - scale(iv[0])),
                                       "height": 16, "class": row[2]}));
      });
      if (!row[1].length) svg.appendChild(svgEl("text", {"x": scale(lo) + 6, "y": y + 19, "class": "none"}, "none"));
    });
    svg.appendChild(svgEl("text", {"x": (scale(lo) + scale(hi)) / 2, "y": height - 4, "text-anchor": "middle",
                                   "class": "tick"}, deal.variable + (deal.unit ? " (" + deal.unit + ")" : "")));
    var box = document.getElementById("deal");
    box.textContent = "";
    box.appendChild(svg);
    document.getElementById("deal-text").textContent = "Deal range: " + S[deal.text];
  }

  function showGains(gains) {
    var panel = document.getElementById("gains-panel");
    var box = document.getElementById("gains");
    panel.hidden = !gains.length || data.scales.gains === null;
    box.textContent = "";
    if (panel.hidden) return;
    var lo = data.scales.gains[0], hi = data.scales.gains[1];
    var width = 760, left = 90, right = 70, bar = 16;
    var sides = gains[0][2].length;
    var block = 22 + sides * (bar + 4) + 10;
    var height = gains.length * block + 30;
    var scale = function (v) { return left + (v - lo) / ((hi - lo) || 1) * (width - left - right); };
    var svg = svgEl("svg", {"viewBox": "0 0 " + width + " " + height, "role": "img", "aria-label": "who gains",
                            "style": "max-width:" + width * 1.4 + "px"});
    axis(svg, scale, lo, hi, height - 24, 0);
    gains.forEach(function (outcome, g) {
      var y = g * block;
      svg.appendChild(svgEl("line", {"x1": scale(0), "x2": scale(0), "y1": y + 20, "y2": y + block - 6, "class": "zero"}));
      svg.appendChild(svgEl("text", {"x": 4, "y": y + 15, "class": "outcome"}, S[outcome[0]]));
      outcome[1].forEach(function (value, i) {
        var top = y + 22 + i * (bar + 4);
        var x0 = scale(Math.min(0, value)), x1 = scale(Math.max(0, value));
        svg.appendChild(svgEl("text", {"x": left - 8, "y": top + 12, "text-anchor": "end"}, S[outcome[2][i]]));
        svg.appendChild(svgEl("rect", {"x": x0, "y": top, "width": Math.max(1, x1 - x0), "height": bar,
                                       "fill": COLOURS[i % COLOURS.length]}));
        svg.appendChild(svgEl("text", {"x": (value < 0 ? x0 - 4 : x1 + 4), "y": top + 12,
                                       "text-anchor": value < 0 ? "end" : "start", "class": "value"}, number(value)));
      });
    });
    box.appendChild(svg);
  }

  setup();
  render();
  window.workshop = {
    data: data,
    select: select,
    positions: positions,
    timings: timings
  };
})();
