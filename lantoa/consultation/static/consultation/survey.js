/* Survey form: a conditional question is shown only when the answer it depends on matches. */
(function () {
  "use strict";
  var form = document.querySelector(".survey-form");
  if (!form) { return; }
  var values = function (name) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name === name && ((el.type !== "radio" && el.type !== "checkbox") || el.checked);
    }).map(function (el) { return el.value; });
  };
  var update = function () {
    form.querySelectorAll("[data-show-if]").forEach(function (block) {
      var shown = values(block.dataset.showIf).indexOf(block.dataset.showValue) !== -1;
      block.hidden = !shown;
      block.querySelectorAll("input, textarea, select").forEach(function (el) { el.disabled = !shown; });
    });
  };
  form.addEventListener("change", update);
  form.addEventListener("input", update);
  update();
})();
