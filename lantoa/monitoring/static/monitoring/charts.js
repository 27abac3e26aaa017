/* Lantoa monitoring charts: reads the JSON from #chart-data and draws Plotly charts. */
(function () {
  "use strict";
  var config = { displaylogo: false, responsive: true, locale: "vi" };
  var layout = function (extra) {
    return Object.assign({ margin: { t: 10, r: 10, b: 40, l: 50 }, height: 280, legend: { orientation: "h" } }, extra || {});
  };
  var draw = function (id, traces, extra) {
    var node = document.getElementById(id);
    if (node) { window.Plotly.newPlot(node, traces, layout(extra), config).then(function () { node.dataset.rendered = "true"; }); }
  };
  var bars = function (id, pairs) {
    var rows = (pairs || []).slice().reverse();
    draw(id, [{ type: "bar", orientation: "h", y: rows.map(function (p) { return p[0]; }), x: rows.map(function (p) { return p[1]; }) }],
      { margin: { t: 10, r: 10, b: 30, l: 160 } });
  };
  var topic = function (data) {
    var volume = [{ name: "Số tin", x: data.days, y: data.volume, type: "scatter", mode: "lines" }];
    if (data.forecast) {
      var f = data.forecast;
      volume.push({ name: "Khoảng 95%", x: f.days.concat(f.days.slice().reverse()), y: f.upper_95.concat(f.lower_95.slice().reverse()), fill: "toself", line: { width: 0 }, fillcolor: "rgba(26,79,160,0.12)", hoverinfo: "skip" });
      volume.push({ name: "Khoảng 80%", x: f.days.concat(f.days.slice().reverse()), y: f.upper_80.concat(f.lower_80.slice().reverse()), fill: "toself", line: { width: 0 }, fillcolor: "rgba(26,79,160,0.22)", hoverinfo: "skip" });
      volume.push({ name: "Dự báo", x: f.days, y: f.point, mode: "lines", line: { dash: "dot" } });
    }
    if (data.anomalies.length) {
      var index = {}; data.days.forEach(function (d, i) { index[d] = data.volume[i]; });
      volume.push({ name: "Bất thường", x: data.anomalies, y: data.anomalies.map(function (d) { return index[d]; }), mode: "markers", marker: { color: "#b3261e", size: 10, symbol: "x" } });
    }
    draw("chart-volume", volume);
    draw("chart-share", [{ name: "%", x: data.days, y: data.share, type: "scatter", mode: "lines" }]);
    var names = { negative: "Tiêu cực", neutral: "Trung lập", positive: "Tích cực", none: "Chưa phân tích" };
    var colours = { negative: "#b3261e", neutral: "#9aa3b2", positive: "#2e7d32", none: "#d9dee7" };
    draw("chart-sentiment", ["negative", "neutral", "positive", "none"].map(function (key) {
      return { name: names[key], x: data.days, y: data.sentiment[key], type: "bar", marker: { color: colours[key] } };
    }), { barmode: "stack" });
    bars("chart-sources", data.sources);
    bars("chart-keywords", data.keywords);
    bars("chart-provinces", data.provinces);
    draw("chart-channels", [{ type: "pie", labels: data.channels.map(function (p) { return p[0]; }), values: data.channels.map(function (p) { return p[1]; }) }]);
    draw("chart-source-kinds", [{ type: "pie", labels: data.source_kinds.map(function (p) { return p[0]; }), values: data.source_kinds.map(function (p) { return p[1]; }) }]);
  };
  var compare = function (data) {
    draw("chart-compare-volume", data.lines.map(function (l) { return { name: l.name, x: l.days, y: l.volume, mode: "lines" }; }));
    draw("chart-compare-negative", data.lines.map(function (l) { return { name: l.name, x: l.days, y: l.negative_share, mode: "lines" }; }));
  };
  document.addEventListener("DOMContentLoaded", function () {
    var holder = document.querySelector("[data-chart]");
    var source = document.getElementById("chart-data");
    if (!holder || !source || !window.Plotly) { return; }
    var data = JSON.parse(source.textContent);
    if (holder.dataset.chart === "topic") { topic(data); } else { compare(data); }
  });
})();
