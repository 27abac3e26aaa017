/* Survey results: one Plotly chart per question from the JSON in #survey-charts. */
(function () {
  "use strict";
  var config = { displaylogo: false, responsive: true, locale: "vi" };
  var layout = { margin: { t: 10, r: 10, b: 40, l: 160 }, height: 260, barmode: "stack", legend: { orientation: "h" } };
  var draw = function (chart) {
    var node = document.getElementById("chart-" + chart.id);
    if (!node) { return; }
    var traces;
    if (chart.kind === "matrix") {
      traces = chart.columns.map(function (column, c) {
        return { type: "bar", orientation: "h", name: column, y: chart.rows, x: chart.values.map(function (row) { return row[c]; }) };
      });
    } else {
      traces = [{ type: "bar", orientation: "h", y: chart.labels.slice().reverse(), x: chart.values.slice().reverse() }];
    }
    window.Plotly.newPlot(node, traces, layout, config).then(function () { node.dataset.rendered = "true"; });
  };
  document.addEventListener("DOMContentLoaded", function () {
    var data = document.getElementById("survey-charts");
    if (data && window.Plotly) { JSON.parse(data.textContent).forEach(draw); }
  });
})();
