// Tables that read well at any width (see agenda.css, "Tables a resident can read").
// 1. A table wider than its box scrolls sideways inside it: the box gets a name,
//    keyboard focus (to scroll with the arrow keys) and a visible hint above it.
// 2. The tables of actions and of versions become one card per row on a phone:
//    every cell gets its column header as data-label, and the table explicit
//    roles, so screen readers keep the table while it is displayed as blocks.
// No network, no dependencies; without JavaScript the tables simply scroll.
(function () {
  var CARDS = "table.agenda-actions, table.agenda-versions";
  var HINT = "Schuif de tabel opzij om alles te zien.";

  function cards(table) {
    if (table.classList.contains("agenda-cards")) return;
    var heads = [];
    table.querySelectorAll("thead tr > *").forEach(function (cell) { heads.push(cell.textContent.trim()); });
    table.setAttribute("role", "table");
    table.querySelectorAll("thead, tbody").forEach(function (group) { group.setAttribute("role", "rowgroup"); });
    table.querySelectorAll("tr").forEach(function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (cell.tagName === "TH") cell.setAttribute("role", cell.getAttribute("scope") === "row" ? "rowheader" : "columnheader");
        else cell.setAttribute("role", "cell");
        if (row.parentNode.tagName === "TBODY" && heads[i]) cell.setAttribute("data-label", heads[i]);
      });
    });
    table.classList.add("agenda-cards");
  }

  function mark(box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    var hint = box.previousElementSibling;
    if (!hint || !hint.classList.contains("agenda-scroll-hint")) {
      hint = document.createElement("p");
      hint.className = "agenda-scroll-hint";
      hint.setAttribute("aria-hidden", "true");
      hint.textContent = "\u2194 " + HINT;
      box.parentNode.insertBefore(hint, box);
    }
    hint.hidden = !scrolls;
    box.classList.toggle("agenda-scrolls", scrolls);
    if (scrolls) {
      var caption = box.querySelector("caption");
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", (caption ? caption.textContent.trim() + ". " : "Tabel. ") + HINT);
    } else {
      ["tabindex", "role", "aria-label"].forEach(function (name) { box.removeAttribute(name); });
    }
  }

  function setup() {
    document.querySelectorAll(CARDS).forEach(cards);
    document.querySelectorAll(".agenda-table-wrap, .md-typeset__scrollwrap").forEach(mark);
  }

  var timer;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(setup, 150); });
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
