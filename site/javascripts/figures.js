// Interactive figures of the exercise pages, in plain JavaScript (no library, works offline).
// A page asks for one with <div class="dl-figure" data-figure="conv-window"></div>; this script
// builds its controls and its SVG. The maths is in pure functions, exported as window.dlkitFigures
// and checked against PyTorch by tests/test_site.py; the drawing only shows what they return.
(function () {
  "use strict";

  // ------------------------------------------------------------ the maths (pure functions)

  // Output size of a convolution along one axis, as PyTorch computes it.
  function convOutSize(n, k, s, p, d) {
    return Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
  }

  // The input cells output (i, j) of a square conv reads: row i*s - p + a*d, column j*s - p + b*d,
  // for a, b < k. Cells outside [0, n) are padding (zeros).
  function convReads(n, k, s, p, d, i, j) {
    var cells = [];
    for (var a = 0; a < k; a++) {
      for (var b = 0; b < k; b++) {
        var r = i * s - p + a * d, c = j * s - p + b * d;
        cells.push({ r: r, c: c, pad: r < 0 || c < 0 || r >= n || c >= n });
      }
    }
    return cells;
  }

  // Transposed convolution along one axis: input i writes outputs i*s - p + t*d, t < k (those inside
  // [0, out)); out = (n - 1)s - 2p + d(k - 1) + 1.
  function transposeOutSize(n, k, s, p, d) {
    return (n - 1) * s - 2 * p + d * (k - 1) + 1;
  }

  function transposeWrites(n, k, s, p, d, i) {
    var out = transposeOutSize(n, k, s, p, d), written = [];
    for (var t = 0; t < k; t++) {
      var o = i * s - p + t * d;
      if (o >= 0 && o < out) written.push(o);
    }
    return written;
  }

  // How many input cells write to each output cell of a square transposed conv (its overlap counts).
  function transposeCounts(n, k, s, p, d) {
    var out = transposeOutSize(n, k, s, p, d), line = [];
    for (var o = 0; o < out; o++) line.push(0);
    for (var i = 0; i < n; i++) transposeWrites(n, k, s, p, d, i).forEach(function (o) { line[o] += 1; });
    return line.map(function (a) { return line.map(function (b) { return a * b; }); });
  }

  function iou(a, b) {
    var w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
    var h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    var inter = w * h;
    var union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
    return union > 0 ? inter / union : 0;
  }

  // Greedy NMS, one step per kept box: visit by decreasing score (ties: lower index first), keep the
  // best box left, suppress every remaining box whose IoU with it is strictly above the threshold.
  function nmsSteps(boxes, scores, threshold) {
    var order = boxes.map(function (_, i) { return i; });
    order.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    var suppressed = {}, keep = [], steps = [];
    order.forEach(function (i) {
      if (suppressed[i]) return;
      keep.push(i);
      var ious = {}, now = [];
      order.forEach(function (j) {
        if (j === i || suppressed[j] || keep.indexOf(j) >= 0) return;
        ious[j] = iou(boxes[i], boxes[j]);
        if (ious[j] > threshold) { suppressed[j] = true; now.push(j); }
      });
      steps.push({ kept: i, ious: ious, suppressed: now });
    });
    return { order: order, keep: keep, steps: steps };
  }

  // Attention weights softmax(q kᵀ · scale) row by row, with -inf where the causal mask hides a key.
  function attentionWeights(q, k, scaled, causal) {
    var d = q[0].length, scale = scaled ? 1 / Math.sqrt(d) : 1;
    return q.map(function (qi, i) {
      var scores = k.map(function (kj, j) {
        if (causal && j > i) return -Infinity;
        var dot = 0;
        for (var t = 0; t < d; t++) dot += qi[t] * kj[t];
        return dot * scale;
      });
      var top = Math.max.apply(null, scores);
      var e = scores.map(function (v) { return v === -Infinity ? 0 : Math.exp(v - top); });
      var sum = e.reduce(function (a, b) { return a + b; }, 0);
      return e.map(function (v) { return v / sum; });
    });
  }

  // 1-D stack of convolutions without padding on an input of n0 cells: the units of every layer
  // (sizes[l]) and, for output unit `unit` of the last layer, the units of each layer it depends on
  // (seen[l], sorted; seen[0] are input cells). layers: [{k, s, d}].
  function receptiveUnits(layers, n0, unit) {
    var sizes = [n0];
    layers.forEach(function (L) { sizes.push(convOutSize(sizes[sizes.length - 1], L.k, L.s, 0, L.d)); });
    var seen = [];
    seen[layers.length] = [unit];
    for (var l = layers.length; l > 0; l--) {
      var L = layers[l - 1], set = {};
      seen[l].forEach(function (u) { for (var t = 0; t < L.k; t++) set[u * L.s + t * L.d] = true; });
      seen[l - 1] = Object.keys(set).map(Number).sort(function (a, b) { return a - b; });
    }
    return { sizes: sizes, seen: seen };
  }

  // The elements of an (N, C, H, W) block that share one statistic with element (n, c, h, w), as
  // flat indices ((n·C + c)·H + h)·W + w. BatchNorm: one channel over N, H, W; LayerNorm (over
  // C, H, W): one sample; InstanceNorm: one (sample, channel); GroupNorm: one sample, one group.
  function normGroup(kind, shape, at, groups) {
    var N = shape[0], C = shape[1], H = shape[2], W = shape[3], out = [];
    var per = C / (groups || 1);
    for (var n = 0; n < N; n++) for (var c = 0; c < C; c++) for (var h = 0; h < H; h++) for (var w = 0; w < W; w++) {
      var same = kind === "batch" ? c === at[1] :
        kind === "layer" ? n === at[0] :
          kind === "instance" ? n === at[0] && c === at[1] :
            n === at[0] && Math.floor(c / per) === Math.floor(at[1] / per);
      if (same) out.push(((n * C + c) * H + h) * W + w);
    }
    return out;
  }

  // Deterministic numbers for the figures' data (a linear congruential generator, Box-Muller).
  function gaussians(seed, count) {
    var state = seed >>> 0, out = [];
    function next() { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return (state + 0.5) / 4294967296; }
    while (out.length < count) {
      var u = next(), v = next();
      out.push(Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
    return out;
  }

  // ------------------------------------------------------------ drawing helpers

  var SVG = "http://www.w3.org/2000/svg";
  var BLUE = "#0072B2", ORANGE = "#D55E00", GREEN = "#009E73", GREY = "#dde3ec", INK = "#222";

  var el = window.dlkitCalculators.el;  // calculators.js, loaded first: the same DOM helper

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function canvas(width, height, label) {
    var root = svg("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img",
      "aria-label": label, class: "dl-figure-svg" });
    root.appendChild(svg("rect", { width: width, height: height, rx: 6, fill: "#fff" }));
    return root;
  }

  function slider(id, label, min, max, value) {
    var input = el("input", { id: id, type: "range", min: String(min), max: String(max), step: "1", value: String(value) });
    var shown = el("output", { for: id, text: String(value) });
    input.addEventListener("input", function () { shown.textContent = input.value; });
    return el("label", { for: id, class: "dl-slider" }, [el("span", { text: label + " " }), shown, input]);
  }

  function checkbox(id, label, checked) {
    var input = el("input", { id: id, type: "checkbox" });
    input.checked = !!checked;
    return el("label", { for: id, class: "dl-check" }, [input, el("span", { text: " " + label })]);
  }

  function value(root, id) { return parseInt(root.querySelector("#" + id).value, 10); }

  function frame(root, title, controls) {
    root.appendChild(el("div", { class: "dl-figure-title", text: title }));
    root.appendChild(el("div", { class: "dl-controls" }, controls));
    var stage = el("div", { class: "dl-stage" });
    var caption = el("div", { class: "dl-caption", "aria-live": "polite" });
    root.appendChild(stage);
    root.appendChild(caption);
    return { stage: stage, caption: caption };
  }

  function grid(parent, x0, y0, rows, cols, size, fill, onClick, label) {
    for (var r = 0; r < rows; r++) {
      for (var c = 0; c < cols; c++) {
        var cell = svg("rect", { x: x0 + c * size, y: y0 + r * size, width: size - 2, height: size - 2, rx: 2,
          fill: fill(r, c), "data-row": r, "data-col": c, class: onClick ? "dl-clickable" : "" });
        if (onClick) cell.addEventListener("click", onClick.bind(null, r, c));
        parent.appendChild(cell);
        if (label) {
          var text = label(r, c);
          if (text !== "") parent.appendChild(svg("text", { x: x0 + c * size + size / 2 - 1, y: y0 + r * size + size / 2 + 3,
            "text-anchor": "middle", "font-size": Math.min(11, size * 0.42), fill: INK, "pointer-events": "none" }, text));
        }
      }
    }
  }

  // ------------------------------------------------------------ conv window (conv2d)

  function buildConvWindow(root) {
    var ui = frame(root, "Which input cells does each output read?", [
      slider("cw-n", "input n", 3, 9, 6), slider("cw-k", "kernel k", 1, 5, 3), slider("cw-s", "stride s", 1, 3, 1),
      slider("cw-p", "padding p", 0, 2, 1), slider("cw-d", "dilation d", 1, 3, 1)]);
    var selected = [0, 0];
    function draw() {
      var n = value(root, "cw-n"), k = value(root, "cw-k"), s = value(root, "cw-s"), p = value(root, "cw-p"), d = value(root, "cw-d");
      var out = convOutSize(n, k, s, p, d);
      ui.stage.innerHTML = "";
      root.dataset.out = String(out);
      if (out < 1) {
        ui.caption.textContent = "⌊(" + n + " + 2·" + p + " − " + d + "·(" + k + " − 1) − 1) / " + s + "⌋ + 1 = " + out +
          ": the dilated kernel (span " + (d * (k - 1) + 1) + ") does not fit in the padded input (" + (n + 2 * p) + ").";
        return;
      }
      selected = [Math.min(selected[0], out - 1), Math.min(selected[1], out - 1)];
      var reads = convReads(n, k, s, p, d, selected[0], selected[1]);
      var read = {};
      reads.forEach(function (c) { read[c.r + "," + c.c] = true; });
      var size = 24, padded = n + 2 * p, outX = 40 + padded * size + 60;
      var picture = canvas(outX + out * size + 30, Math.max(padded, out) * size + 60, "convolution window");
      picture.appendChild(svg("text", { x: 40, y: 20, "font-size": 12, fill: INK }, "padded input (" + padded + " × " + padded + ")"));
      picture.appendChild(svg("text", { x: outX, y: 20, "font-size": 12, fill: INK }, "output (" + out + " × " + out + ")"));
      grid(picture, 40, 30, padded, padded, size, function (r, c) {
        var inside = r >= p && c >= p && r < p + n && c < p + n;
        if (read[(r - p) + "," + (c - p)]) return inside ? BLUE : "#7fb2d6";
        return inside ? GREY : "#f3f3f3";
      }, null, function (r, c) { return r >= p && c >= p && r < p + n && c < p + n ? "" : "0"; });
      grid(picture, outX, 30, out, out, size, function (r, c) {
        return r === selected[0] && c === selected[1] ? ORANGE : GREY;
      }, function (r, c) { selected = [r, c]; draw(); });
      ui.stage.appendChild(picture);
      root.dataset.reads = reads.map(function (c) { return c.r + "," + c.c; }).join(" ");
      var padding = reads.filter(function (c) { return c.pad; }).length;
      ui.caption.textContent = "output size ⌊(" + n + " + 2·" + p + " − " + d + "·(" + k + " − 1) − 1) / " + s + "⌋ + 1 = " + out +
        ". Output (" + selected[0] + ", " + selected[1] + ") reads " + reads.length + " cells" +
        (padding ? ", " + padding + " of them padding zeros" : "") + ": rows " + selected[0] + "·" + s + " − " + p +
        " + a·" + d + ". Click an output cell.";
    }
    root.addEventListener("input", draw);
    draw();
  }

  // ------------------------------------------------------------ NMS step-through (nms)

  var NMS_BOXES = [[10, 12, 58, 60], [16, 8, 62, 54], [4, 20, 50, 66], [70, 30, 112, 74], [76, 36, 118, 80],
    [64, 24, 100, 66], [30, 70, 70, 104]];
  var NMS_SCORES = [0.9, 0.8, 0.75, 0.7, 0.7, 0.5, 0.4];

  function buildNms(root) {
    var next = el("button", { type: "button", class: "md-button md-button--primary dl-step", text: "step" });
    var reset = el("button", { type: "button", class: "md-button dl-reset", text: "reset" });
    var ui = frame(root, "Greedy NMS, one kept box per step", [slider("nms-t", "IoU threshold × 100", 10, 90, 50), next, reset]);
    var done = 0;
    function draw() {
      var threshold = value(root, "nms-t") / 100;
      var run = nmsSteps(NMS_BOXES, NMS_SCORES, threshold);
      done = Math.min(done, run.steps.length);
      var kept = run.keep.slice(0, done), gone = {}, step = run.steps[done - 1];
      run.steps.slice(0, done).forEach(function (st) { st.suppressed.forEach(function (j) { gone[j] = true; }); });
      var scale = 2.6, picture = canvas(600, 300, "non-maximum suppression");
      NMS_BOXES.forEach(function (b, i) {
        var isKept = kept.indexOf(i) >= 0, isGone = !!gone[i];
        var colour = isKept ? GREEN : isGone ? "#bbbbbb" : BLUE;
        var x0 = 10 + b[0] * scale, y0 = 10 + b[1] * scale, x1 = 10 + b[2] * scale, y1 = 10 + b[3] * scale;
        picture.appendChild(svg("rect", { x: x0, y: y0, width: x1 - x0, height: y1 - y0, fill: colour,
          "fill-opacity": isKept ? 0.18 : 0.05, stroke: colour, "stroke-width": step && step.kept === i ? 3.5 : 1.6,
          "stroke-dasharray": isGone ? "5 4" : "", "data-box": i, class: isKept ? "kept" : isGone ? "suppressed" : "open" }));
        var corner = i % 4;  // the box's number in one of its corners, so that neighbours do not collide
        picture.appendChild(svg("text", { x: corner % 2 ? x1 - 16 : x0 + 4, y: corner < 2 ? y0 + 13 : y1 - 5,
          "font-size": 11, "font-weight": 700, fill: isGone ? "#888" : INK }, "#" + i));
        var state = isKept ? "kept #" + (kept.indexOf(i) + 1) : isGone ? "suppressed" : "not visited yet";
        if (step && step.ious[i] !== undefined) state += " · IoU with #" + step.kept + " = " + step.ious[i].toFixed(2);
        picture.appendChild(svg("text", { x: 340, y: 30 + i * 20, "font-size": 11.5, fill: isGone ? "#888" : INK },
          "#" + i + "  score " + NMS_SCORES[i].toFixed(2) + "  " + state));
      });
      ui.stage.innerHTML = "";
      ui.stage.appendChild(picture);
      root.dataset.kept = kept.join(",");
      root.dataset.done = String(done === run.steps.length);
      if (!done) {
        ui.caption.textContent = "Visit order by score: " + run.order.map(function (i) { return "#" + i; }).join(", ") +
          ". Press step.";
      } else {
        ui.caption.textContent = "Step " + done + ": keep #" + step.kept + "; suppressed (IoU > " + threshold.toFixed(2) + "): " +
          (step.suppressed.length ? step.suppressed.map(function (j) { return "#" + j; }).join(", ") : "none") +
          ". Kept so far: " + kept.map(function (i) { return "#" + i; }).join(", ") +
          (done === run.steps.length ? " (done)." : ".");
      }
      next.disabled = done === run.steps.length;
    }
    next.addEventListener("click", function () { done += 1; draw(); });
    reset.addEventListener("click", function () { done = 0; draw(); });
    root.querySelector("#nms-t").addEventListener("input", function () { done = 0; draw(); });
    draw();
  }

  // ------------------------------------------------------------ attention heat map

  function buildAttention(root) {
    var T = 6, D = 16, values = gaussians(7, 2 * T * D);
    var q = [], k = [];
    for (var i = 0; i < T; i++) {
      q.push(values.slice(i * D, (i + 1) * D));
      k.push(values.slice((T + i) * D, (T + i + 1) * D));
    }
    var ui = frame(root, "softmax(QKᵀ · scale), 6 queries × 6 keys, d = " + D, [
      checkbox("att-scale", "scale by 1/√d", true), checkbox("att-causal", "causal mask", root.dataset.causal === "1")]);
    function draw() {
      var scaled = root.querySelector("#att-scale").checked, causal = root.querySelector("#att-causal").checked;
      var w = attentionWeights(q, k, scaled, causal), size = 40;
      var picture = canvas(T * size + 80, T * size + 50, "attention weights");
      picture.appendChild(svg("text", { x: 40, y: 18, "font-size": 11, fill: INK }, "keys →"));
      picture.appendChild(svg("text", { x: 8, y: 40, "font-size": 11, fill: INK }, "q ↓"));
      grid(picture, 40, 26, T, T, size, function (r, c) {
        if (causal && c > r) return "#eeeeee";
        var t = w[r][c];
        var shade = Math.round(255 - 200 * t);
        return "rgb(" + shade + "," + Math.round(255 - 120 * t) + ",255)";
      }, null, function (r, c) { return causal && c > r ? "−∞" : w[r][c].toFixed(2); });
      ui.stage.innerHTML = "";
      ui.stage.appendChild(picture);
      root.dataset.weights = JSON.stringify(w.map(function (row) { return row.map(function (v) { return +v.toFixed(6); }); }));
      var peak = Math.max.apply(null, w.map(function (row) { return Math.max.apply(null, row); }));
      ui.caption.textContent = "Each row sums to 1. Largest weight " + peak.toFixed(2) +
        (scaled ? "" : ": without 1/√d the scores have standard deviation about √d = 4 and the softmax saturates") +
        (causal ? "; query i sees keys 0…i only (−∞ before the softmax, 0 after)." : ".");
    }
    root.addEventListener("input", draw);
    root.addEventListener("change", draw);
    draw();
  }

  // ------------------------------------------------------------ receptive field (linked to the calculator)

  function buildReceptiveField(root) {
    var ui = frame(root, "Which input cells one output unit sees (1-D, no padding)", []);
    ui.caption.textContent = "";
    var selected = 0;
    function layersNow() {
      var area = document.querySelector("#rf-layers"), calc = window.dlkitCalculators;
      var text = area ? area.value : "conv 3 1\nconv 3 2\nconv 3 1";
      var parsed = calc ? calc.parseLayers(text) : { error: "the calculator script is missing" };
      return parsed;
    }
    function draw() {
      var parsed = layersNow();
      ui.stage.innerHTML = "";
      if (parsed.error) { ui.caption.textContent = parsed.error; return; }
      var layers = parsed.layers.slice(0, 8), rf = window.dlkitCalculators.receptiveField(layers);
      var n0 = rf.rf + 2 * rf.jump;  // three units on top
      if (n0 > 96) {
        ui.caption.textContent = "Receptive field " + rf.rf + ": too wide to draw here (96 cells at most); try a preset with fewer layers.";
        root.dataset.rf = String(rf.rf);
        return;
      }
      var units = receptiveUnits(layers, n0, Math.min(selected, 2));
      var gap = Math.min(14, 620 / n0), width = n0 * gap + 90, rowH = 42;
      var picture = canvas(width, (layers.length + 1) * rowH + 30, "receptive field");
      var jumps = [1], spans = [1];
      layers.forEach(function (L, l) { spans.push(spans[l] + L.d * (L.k - 1) * jumps[l]); jumps.push(jumps[l] * L.s); });
      function x(l, u) { return 70 + (u * jumps[l] + (spans[l] - 1) / 2) * gap; }
      function y(l) { return (layers.length - l) * rowH + 24; }
      for (var l = 0; l <= layers.length; l++) {
        var seen = {};
        units.seen[l].forEach(function (u) { seen[u] = true; });
        picture.appendChild(svg("text", { x: 6, y: y(l) + 4, "font-size": 10.5, fill: "#666" }, l === 0 ? "input" : layers[l - 1].name + " " + l));
        for (var u = 0; u < units.sizes[l]; u++) {
          var dot = svg("circle", { cx: x(l, u), cy: y(l), r: Math.max(2.5, gap * 0.32), fill: seen[u] ? BLUE : GREY,
            "data-layer": l, "data-unit": u, class: l === layers.length ? "dl-clickable" : "" });
          if (l === layers.length) dot.addEventListener("click", (function (v) { return function () { selected = v; draw(); }; })(u));
          picture.appendChild(dot);
        }
      }
      ui.stage.appendChild(picture);
      var cells = units.seen[0];
      root.dataset.rf = String(cells[cells.length - 1] - cells[0] + 1);
      root.dataset.cells = cells.join(",");
      ui.caption.textContent = "Top unit " + Math.min(selected, 2) + " sees input cells " + cells[0] + "…" +
        cells[cells.length - 1] + ": " + (cells[cells.length - 1] - cells[0] + 1) + " wide, the calculator's r = " + rf.rf +
        (cells.length < rf.rf ? " (" + cells.length + " of them reached: dilation leaves holes)" : "") +
        ". Edit the layers in the calculator above; click a top unit.";
    }
    document.addEventListener("input", function (event) { if (event.target && event.target.id === "rf-layers") draw(); });
    document.addEventListener("click", function (event) {
      if (event.target && event.target.classList && event.target.classList.contains("calc-preset")) setTimeout(draw, 0);
    });
    draw();
  }

  // ------------------------------------------------------------ transposed convolution scatter

  function buildTransposeScatter(root) {
    var ui = frame(root, "Transposed convolution: each input cell scatters a k × k patch", [
      slider("tc-n", "input n", 2, 5, 3), slider("tc-k", "kernel k", 1, 4, 3), slider("tc-s", "stride s", 1, 3, 2),
      slider("tc-p", "padding p", 0, 2, 0)]);
    var selected = [0, 0];
    function draw() {
      var n = value(root, "tc-n"), k = value(root, "tc-k"), s = value(root, "tc-s"), p = value(root, "tc-p");
      var out = transposeOutSize(n, k, s, p, 1);
      ui.stage.innerHTML = "";
      root.dataset.out = String(out);
      if (out < 1) { ui.caption.textContent = "The output would be empty: (" + n + " − 1)·" + s + " − 2·" + p + " + " + k + " = " + out + "."; return; }
      selected = [Math.min(selected[0], n - 1), Math.min(selected[1], n - 1)];
      var rows = transposeWrites(n, k, s, p, 1, selected[0]), cols = transposeWrites(n, k, s, p, 1, selected[1]);
      var counts = transposeCounts(n, k, s, p, 1), size = 26, outX = 40 + n * size + 60;
      var picture = canvas(outX + Math.max(out * size, 240) + 30, Math.max(n, out) * size + 60, "transposed convolution scatter");
      picture.appendChild(svg("text", { x: 40, y: 20, "font-size": 12, fill: INK }, "input (" + n + " × " + n + ")"));
      picture.appendChild(svg("text", { x: outX, y: 20, "font-size": 12, fill: INK }, "output (" + out + " × " + out + "), numbers: inputs per cell"));
      grid(picture, 40, 30, n, n, size, function (r, c) { return r === selected[0] && c === selected[1] ? ORANGE : GREY; },
        function (r, c) { selected = [r, c]; draw(); });
      grid(picture, outX, 30, out, out, size, function (r, c) {
        return rows.indexOf(r) >= 0 && cols.indexOf(c) >= 0 ? BLUE : ["#f3f3f3", "#e4e9f1", "#c9d4e4", "#aebfd8", "#93aacb"][Math.min(counts[r][c], 4)];
      }, null, function (r, c) { return rows.indexOf(r) >= 0 && cols.indexOf(c) >= 0 ? "" : String(counts[r][c]); });
      ui.stage.appendChild(picture);
      root.dataset.writes = rows.join(",") + "|" + cols.join(",");
      var uneven = k % s !== 0 && s > 1;
      ui.caption.textContent = "output size (" + n + " − 1)·" + s + " − 2·" + p + " + (" + k + " − 1) + 1 = " + out +
        ". Input (" + selected[0] + ", " + selected[1] + ") writes rows " + rows.join(", ") + " × columns " + cols.join(", ") + "." +
        (uneven ? " k is not a multiple of s: the overlap counts alternate, the checkerboard artefact." : "") + " Click an input cell.";
    }
    root.addEventListener("input", draw);
    draw();
  }

  // ------------------------------------------------------------ BatchNorm / LayerNorm axes

  var NORM_KINDS = { batch: "BatchNorm", layer: "LayerNorm over (C, H, W)", instance: "InstanceNorm", group: "GroupNorm, 2 groups" };

  function buildNormAxes(root) {
    var kind = el("select", { id: "na-kind" }, Object.keys(NORM_KINDS).map(function (key) {
      return el("option", { value: key, text: NORM_KINDS[key] });
    }));
    kind.value = root.dataset.kind || "batch";
    var ui = frame(root, "Which elements of an N × C × H × W block share one mean and variance", [
      el("label", { for: "na-kind", class: "dl-slider" }, [el("span", { text: "normalisation " }), kind])]);
    var shape = [3, 4, 2, 3], at = [0, 1, 0, 0];
    function draw() {
      var N = shape[0], C = shape[1], H = shape[2], W = shape[3], size = 18;
      var group = normGroup(kind.value, shape, at, 2), member = {};
      group.forEach(function (i) { member[i] = true; });
      var blockW = W * size + 8, sampleW = C * blockW + 24;
      var picture = canvas(N * sampleW + 30, H * size + 70, "normalisation axes");
      for (var n = 0; n < N; n++) {
        picture.appendChild(svg("text", { x: 20 + n * sampleW, y: 18, "font-size": 11.5, fill: INK }, "sample n = " + n));
        for (var c = 0; c < C; c++) {
          var x0 = 20 + n * sampleW + c * blockW;
          picture.appendChild(svg("text", { x: x0, y: H * size + 50, "font-size": 10, fill: "#666" }, "c" + c));
          grid(picture, x0, 28, H, W, size, (function (nn, cc) {
            return function (h, w) {
              var flat = ((nn * C + cc) * H + h) * W + w;
              if (nn === at[0] && cc === at[1] && h === at[2] && w === at[3]) return ORANGE;
              return member[flat] ? BLUE : GREY;
            };
          })(n, c), (function (nn, cc) { return function (h, w) { at = [nn, cc, h, w]; draw(); }; })(n, c));
        }
      }
      ui.stage.innerHTML = "";
      ui.stage.appendChild(picture);
      root.dataset.group = group.join(",");
      var axes = { batch: "(N, H, W)", layer: "(C, H, W)", instance: "(H, W)", group: "(C/G, H, W) within a group" }[kind.value];
      var count = { batch: C, layer: N, instance: N * C, group: N * 2 }[kind.value];
      ui.caption.textContent = NORM_KINDS[kind.value] + ": statistics over " + axes + ", " + group.length +
        " values each, " + count + " means in all for N = " + N + ", C = " + C + ", H = " + H + ", W = " + W +
        ". Click any cell.";
    }
    kind.addEventListener("change", draw);
    draw();
  }

  var BUILDERS = {
    "conv-window": buildConvWindow, "nms-steps": buildNms, "attention": buildAttention,
    "receptive-field": buildReceptiveField, "transpose-scatter": buildTransposeScatter, "norm-axes": buildNormAxes,
  };

  function init() {
    document.querySelectorAll(".dl-figure[data-figure]").forEach(function (root) {
      if (root.dataset.ready) return;
      var build = BUILDERS[root.dataset.figure];
      if (!build) return;
      root.dataset.ready = "1";
      root.innerHTML = "";
      build(root);
    });
  }

  window.dlkitFigures = {
    convOutSize: convOutSize, convReads: convReads, transposeOutSize: transposeOutSize, transposeWrites: transposeWrites,
    transposeCounts: transposeCounts, iou: iou, nmsSteps: nmsSteps, attentionWeights: attentionWeights,
    receptiveUnits: receptiveUnits, normGroup: normGroup, gaussians: gaussians, NMS_BOXES: NMS_BOXES, NMS_SCORES: NMS_SCORES,
  };

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
