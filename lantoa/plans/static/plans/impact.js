// Draws each chart: the Plotly figure JSON in <script id="X-data"> goes into <div id="X-chart">.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("script[type='application/json'][id$='-data']").forEach(function (node) {
    var figure = JSON.parse(JSON.parse(node.textContent));
    var target = document.getElementById(node.id.replace(/-data$/, "-chart"));
    if (target && window.Plotly) {
      window.Plotly.newPlot(target, figure.data, figure.layout, {displayModeBar: false, responsive: true});
      target.dataset.rendered = "true";
    }
  });
});
