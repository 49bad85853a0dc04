// Filters the uitvoeringsagenda table in place. Without JavaScript the form
// stays hidden and the full table shows. No network, no dependencies.
(function () {
  function setup() {
    var form = document.querySelector("form.agenda-filter");
    var table = document.querySelector("table.agenda-actions");
    if (!form || !table) return;
    var count = document.querySelector(".agenda-filter-count");
    var selects = form.querySelectorAll("select[data-filter]");
    var rows = table.querySelectorAll("tbody tr");
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = true;
        selects.forEach(function (select) {
          if (!select.value) return;
          var values = (row.getAttribute("data-" + select.dataset.filter) || "").split(" ");
          if (values.indexOf(select.value) === -1) visible = false;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = shown === rows.length
        ? rows.length + " acties"
        : shown + " van de " + rows.length + " acties getoond";
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
