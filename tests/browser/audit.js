// Measurements a person would make and axe-core cannot, run in the page.
// Returns {splits, targets}: words split across lines in table cells (measured
// with DOM ranges), and targets under 24 by 24 CSS px without the spacing
// WCAG 2.5.8 allows.
(selector) => {
  const splits = [];
  for (const cell of document.querySelectorAll("article table th, article table td, article table caption")) {
    if (!cell.getClientRects().length) continue;  // a row the filter hides
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A word, or letters and digits joined by hyphens (a date, a period, a document number,
      // "up-to-date"): macros/site/whole.py keeps those whole up to 32 characters, a longer one
      // only word by word.
      for (const found of node.data.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
        const pieces = found[0].length <= 32 ? [[found[0], 0]] : [...found[0].matchAll(/[\p{L}\p{N}]+/gu)].map(m => [m[0], m.index]);
        for (const [word, offset] of pieces) {
          const range = document.createRange();
          range.setStart(node, found.index + offset);
          range.setEnd(node, found.index + offset + word.length);
          const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
          if (lines.size > 1) splits.push(`'${word}' in '${cell.textContent.trim().replace(/\s+/g, " ").slice(0, 70)}'`);
        }
      }
    }
  }
  const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden"; };
  const small = r => r.width < 23.5 || r.height < 23.5;
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const toRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const name = e => `${e.tagName.toLowerCase()}${e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : ""} '${(e.textContent || e.value || "").trim().replace(/\s+/g, " ").slice(0, 40)}'`;
  // A fixed or sticky bar (the header, "Terug naar boven") moves over the page as it scrolls:
  // targets are compared with those in the same layer only.
  const layer = e => { for (let n = e; n; n = n.parentElement) { const p = getComputedStyle(n).position; if (p === "fixed" || p === "sticky") return n; } return null; };
  const measure = e => {
    const box = e.getBoundingClientRect();
    // A link that wraps is clickable on its line boxes only, not on the box around them.
    return {e, box, lines: [...e.getClientRects()].filter(r => r.width > 0), small: small(box), layer: layer(e)};
  };
  const all = [...document.querySelectorAll("a[href], button, select, input:not([type=hidden]), summary, [role=button], label[for]")]
    .filter(visible).map(measure);
  const targets = [];
  for (const e of document.querySelectorAll(selector)) {
    if (!visible(e)) continue;
    const t = measure(e);
    if (!t.small) continue;
    const c = centre(t.box);
    // Spacing exception: a 24 px circle on the target's centre touches no other target
    // and no other undersized target's circle.
    const clash = all.find(o => o.e !== e && !o.e.contains(e) && !e.contains(o.e) && o.layer === t.layer &&
      (Math.min(...o.lines.map(r => toRect(c, r))) < 12 ||
       (o.small && Math.hypot(c[0] - centre(o.box)[0], c[1] - centre(o.box)[1]) < 24)));
    if (clash) targets.push(`${name(e)} is ${Math.round(t.box.width)}x${Math.round(t.box.height)} px, ${name(clash.e)} is within its 24 px circle`);
  }
  return {splits, targets};
}
