// Small calculators for the theory pages, in plain JavaScript (no library, works offline).
// A page asks for one with <div class="calculator" data-calculator="output-size"></div>
// or data-calculator="receptive-field"; this script builds the form inside it.
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function field(id, label, value, help) {
    var input = el("input", { id: id, type: "number", value: String(value), step: "1", inputmode: "numeric" });
    return el("label", { for: id, title: help || "" }, [el("span", { text: label }), input]);
  }

  function readInt(root, id) {
    var node = root.querySelector("#" + id);
    var text = node.value.trim();
    if (!/^-?\d+$/.test(text)) return NaN;
    return parseInt(text, 10);
  }

  // ------------------------------------------------------------ output size
  // PyTorch's formulas:
  //   conv / pool: floor((n + 2p - d(k-1) - 1) / s) + 1
  //   pool with ceil_mode: ceil instead of floor (the last window may run past the padded input), and a
  //   last window that would start in the right padding is dropped.
  //   transposed conv: (n - 1) s - 2p + d(k-1) + output_padding + 1
  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  function outputSize(mode, n, k, s, p, d, ceil, op) {
    if ([n, k, s, p, d, op].some(isNaN)) return { error: "Enter whole numbers." };
    if (n < 1 || k < 1 || s < 1 || d < 1) return { error: "Size, kernel, stride and dilation must be at least 1." };
    if (p < 0) return { error: "Padding cannot be negative." };
    var eff = d * (k - 1) + 1; // the span of a dilated kernel
    if (mode === "transposed") {
      if (op < 0 || (op >= s && op >= d)) return { error: "output_padding must be smaller than the stride or the dilation." };
      var out = (n - 1) * s - 2 * p + d * (k - 1) + op + 1;
      if (out < 1) return { error: "The output would be empty (" + out + ")." };
      return { value: out, formula: "(" + n + " − 1)·" + s + " − 2·" + p + " + " + d + "·(" + k + " − 1) + " + op + " + 1 = " + out };
    }
    var pool = mode === "pool", rounded = pool && ceil;
    if (pool && 2 * p > k) return { error: "PyTorch requires padding ≤ kernel / 2 for pooling." };
    var span = n + 2 * p - eff;
    // A convolution (or a floor-mode pool) needs the whole kernel inside the padded input; ceil_mode
    // lets a window run past it, as long as it starts inside the input or the left padding.
    if (span < 0 && !rounded) return { error: "The kernel (span " + eff + ") is larger than the padded input (" + (n + 2 * p) + ")." };
    var steps = rounded ? Math.ceil(span / s) : Math.floor(span / s);
    var value = steps + 1;
    var note = "";
    if (rounded && (value - 1) * s >= n + p) {
      value -= 1;
      note = " (the last window would start in the padding: dropped)";
    }
    if (value < 1) return { error: "The output would be empty (" + value + ")." };
    var round = rounded ? "⌈" : "⌊";
    var close = rounded ? "⌉" : "⌋";
    var formula = round + "(" + n + " + 2·" + p + " − " + (d > 1 ? d + "·(" + k + " − 1) − 1" : "(" + k + " − 1) − 1") +
      ") / " + s + close + " + 1 = " + round + span + " / " + s + close + " + 1 = " + value + note;
    // The last window ends at (value - 1) s + eff in the padded input: what lies after it is never read.
    var covered = (value - 1) * s + eff;
    return { value: value, formula: formula, uncovered: Math.max(0, n + 2 * p - covered),
             uncoveredInput: Math.max(0, n + p - covered) };
  }

  function buildOutputSize(root) {
    var mode = el("select", { id: "os-mode" }, [
      el("option", { value: "conv", text: "convolution (nn.Conv2d)" }),
      el("option", { value: "pool", text: "pooling (nn.MaxPool2d / AvgPool2d)" }),
      el("option", { value: "transposed", text: "transposed convolution (nn.ConvTranspose2d)" }),
    ]);
    var ceil = el("input", { id: "os-ceil", type: "checkbox" });
    var form = el("div", { class: "calc-fields" }, [
      el("label", { for: "os-mode" }, [el("span", { text: "layer" }), mode]),
      field("os-n", "input size n", 224, "height or width of the input"),
      field("os-k", "kernel k", 7),
      field("os-s", "stride s", 2),
      field("os-p", "padding p", 3, "zeros added on each side"),
      field("os-d", "dilation d", 1),
      field("os-op", "output_padding", 0, "transposed convolution only"),
      el("label", { for: "os-ceil", class: "calc-check" }, [ceil, el("span", { text: "ceil_mode (pooling)" })]),
    ]);
    var result = el("output", { id: "os-result", "aria-live": "polite" });
    var formula = el("div", { id: "os-formula", class: "calc-formula" });
    root.appendChild(el("div", { class: "calc-title", text: "Output size calculator" }));
    root.appendChild(form);
    root.appendChild(el("div", { class: "calc-result" }, [el("span", { text: "output size: " }), result]));
    root.appendChild(formula);

    function update() {
      var m = mode.value;
      root.querySelector("#os-op").closest("label").style.display = m === "transposed" ? "" : "none";
      ceil.closest("label").style.display = m === "pool" ? "" : "none";
      var r = outputSize(m, readInt(root, "os-n"), readInt(root, "os-k"), readInt(root, "os-s"),
        readInt(root, "os-p"), readInt(root, "os-d"), ceil.checked, readInt(root, "os-op"));
      if (r.error) {
        result.textContent = "—";
        result.dataset.value = "";
        result.dataset.uncoveredInput = "";
        formula.textContent = r.error;
        formula.classList.add("calc-error");
        return;
      }
      result.textContent = String(r.value);
      result.dataset.value = String(r.value);
      result.dataset.uncoveredInput = String(r.uncoveredInput || 0);
      formula.classList.remove("calc-error");
      var unused = "";
      if (r.uncoveredInput) unused = " · (" + plural(r.uncoveredInput, "trailing input row") + " never covered by a window" +
        (r.uncovered > r.uncoveredInput ? ", nor the right padding" : "") + ")";
      else if (r.uncovered) unused = " · (no window reaches the last " + (r.uncovered === 1 ? "row" : r.uncovered + " rows") +
        " of the right padding)";
      formula.textContent = r.formula + unused;
    }
    root.addEventListener("input", update);
    root.addEventListener("change", update);
    update();
  }

  // ------------------------------------------------------------ receptive field
  // Layer l with kernel k, stride s, dilation d:  r_l = r_(l-1) + d (k - 1) j_(l-1),   j_l = j_(l-1) s
  // with r_0 = 1 and j_0 = 1 (one input pixel; neighbouring units one pixel apart).
  var PRESETS = {
    "3 × conv 3×3": "conv 3 1\nconv 3 1\nconv 3 1",
    "ResNet stem + conv2_x": "conv 7 2   # conv1\npool 3 2   # max pool\nconv 3 1\nconv 3 1\nconv 3 1\nconv 3 1",
    "VGG-16 (to pool5)": "conv 3 1\nconv 3 1\npool 2 2\nconv 3 1\nconv 3 1\npool 2 2\nconv 3 1\nconv 3 1\nconv 3 1\npool 2 2\n" +
      "conv 3 1\nconv 3 1\nconv 3 1\npool 2 2\nconv 3 1\nconv 3 1\nconv 3 1\npool 2 2",
    "AlexNet (to pool5)": "conv 11 4\npool 3 2\nconv 5 1\npool 3 2\nconv 3 1\nconv 3 1\nconv 3 1\npool 3 2",
    "WaveNet-style dilations (1-D)": "conv 2 1 1\nconv 2 1 2\nconv 2 1 4\nconv 2 1 8\nconv 2 1 16\nconv 2 1 32",
  };

  function parseLayers(text) {
    var layers = [];
    var lines = text.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i].replace(/#.*/, "").trim();
      if (!line) continue;
      var words = line.split(/[\s,]+/);
      var name = /^[a-z]/i.test(words[0]) ? words.shift() : "layer";
      var nums = words.map(function (w) { return /^\d+$/.test(w) ? parseInt(w, 10) : NaN; });
      if (nums.length < 2 || nums.length > 3 || nums.some(isNaN) || nums.some(function (v) { return v < 1; })) {
        return { error: "Line " + (i + 1) + ": expected “[name] kernel stride [dilation]” with whole numbers ≥ 1, got “" + lines[i].trim() + "”." };
      }
      layers.push({ name: name, k: nums[0], s: nums[1], d: nums.length > 2 ? nums[2] : 1 });
    }
    if (!layers.length) return { error: "Enter at least one layer." };
    return { layers: layers };
  }

  function receptiveField(layers) {
    var r = 1, j = 1, rows = [];
    layers.forEach(function (L, i) {
      r = r + L.d * (L.k - 1) * j;
      j = j * L.s;
      rows.push({ i: i + 1, name: L.name, k: L.k, s: L.s, d: L.d, r: r, j: j });
    });
    return { rf: r, jump: j, rows: rows };
  }

  function buildReceptiveField(root) {
    var area = el("textarea", { id: "rf-layers", rows: "7", spellcheck: "false" });
    area.value = PRESETS["ResNet stem + conv2_x"];
    var dims = el("select", { id: "rf-dims" }, [
      el("option", { value: "2", text: "an image (2-D, pixels)" }),
      el("option", { value: "1", text: "a sequence (1-D, samples)" }),
    ]);
    var presets = el("div", { class: "calc-presets" }, [el("span", { text: "presets: " })]);
    Object.keys(PRESETS).forEach(function (name) {
      var b = el("button", { type: "button", class: "md-button calc-preset", text: name });
      b.addEventListener("click", function () {
        area.value = PRESETS[name];
        dims.value = /\(1-D\)/.test(name) ? "1" : "2";
        update();
      });
      presets.appendChild(b);
    });
    var result = el("output", { id: "rf-result", "aria-live": "polite" });
    var table = el("div", { id: "rf-table" });
    root.appendChild(el("div", { class: "calc-title", text: "Receptive field calculator" }));
    root.appendChild(el("p", { class: "calc-help", text: "One layer per line: [name] kernel stride [dilation]. Everything after # is a comment." }));
    root.appendChild(presets);
    root.appendChild(el("div", { class: "calc-fields" }, [el("label", { for: "rf-dims" }, [el("span", { text: "input" }), dims])]));
    root.appendChild(area);
    root.appendChild(el("div", { class: "calc-result" }, [result]));
    root.appendChild(table);

    function update() {
      var parsed = parseLayers(area.value);
      table.innerHTML = "";
      if (parsed.error) {
        result.textContent = parsed.error;
        result.className = "calc-error";
        result.dataset.rf = "";
        result.dataset.jump = "";
        return;
      }
      var out = receptiveField(parsed.layers);
      result.className = "";
      result.dataset.rf = String(out.rf);
      result.dataset.jump = String(out.jump);
      var unit = dims.value === "1" ? "sample" : "pixel";
      var size = dims.value === "1" ? plural(out.rf, unit) : out.rf + " × " + out.rf + " " + unit + "s";
      result.textContent = "receptive field " + size + "; neighbouring outputs are " + plural(out.jump, unit) +
        " apart (jump)";
      var head = el("tr", {}, ["#", "layer", "k", "s", "d", "jump j", "RF r"].map(function (h) { return el("th", { text: h }); }));
      var body = out.rows.map(function (row) {
        return el("tr", {}, [row.i, row.name, row.k, row.s, row.d, row.j, row.r].map(function (v) { return el("td", { text: String(v) }); }));
      });
      table.appendChild(el("table", { class: "calc-table" }, [el("thead", {}, [head]), el("tbody", {}, body)]));
    }
    area.addEventListener("input", update);
    dims.addEventListener("change", update);
    update();
  }

  var BUILDERS = { "output-size": buildOutputSize, "receptive-field": buildReceptiveField };

  function init() {
    document.querySelectorAll(".calculator[data-calculator]").forEach(function (root) {
      if (root.dataset.ready) return;
      var build = BUILDERS[root.dataset.calculator];
      if (!build) return;
      root.dataset.ready = "1";
      root.innerHTML = "";
      build(root);
    });
  }

  // Exposed for tests and for the curious: the same functions the forms use.
  window.dlkitCalculators = { outputSize: outputSize, receptiveField: receptiveField, parseLayers: parseLayers, el: el };

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
