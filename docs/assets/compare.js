// "Vergelijk twee versies": opens the comparison page of the chosen pair.
// Without JavaScript the form stays hidden and the list of all pairs shows.
(function () {
  function setup() {
    var form = document.querySelector("form.agenda-compare");
    if (!form) return;
    var order = form.dataset.order.split(" ");
    var from = form.querySelector("#vergelijk-van");
    var to = form.querySelector("#vergelijk-naar");
    var message = form.querySelector(".agenda-compare-message");
    if (from.options.length > 1) from.selectedIndex = 1;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (from.value === to.value) {
        message.textContent = "Kies twee verschillende versies.";
        return;
      }
      var older = from.value, newer = to.value;
      if (order.indexOf(older) > order.indexOf(newer)) { var t = older; older = newer; newer = t; }
      window.location.href = form.dataset.base + newer + "/vergelijk/" + older + "/";
    });
    form.hidden = false;
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
