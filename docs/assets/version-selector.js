// Material's version selector is a button that shows the version ("2024-2027
// (vastgesteld)") but is named "Selecteer versie" for screen readers: the name
// does not contain the visible text, so a speech-input user who says "click
// 2024-2027" is not understood (WCAG 2.5.3, label in name). Give it a name that
// starts with what it shows. Material draws the selector after loading
// versions.json, so wait for it.
(function () {
  function name(button) {
    var shown = button.textContent.replace(/\s+/g, " ").trim();
    var wanted = shown + ": andere versie kiezen";
    if (shown && button.getAttribute("aria-label") !== wanted) button.setAttribute("aria-label", wanted);
  }
  function fix() {
    document.querySelectorAll(".md-version__current").forEach(name);
  }
  var topic = document.querySelector(".md-header");
  if (!topic) return;
  new MutationObserver(fix).observe(topic, { childList: true, subtree: true });
  fix();
})();
