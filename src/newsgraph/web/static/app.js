// newsgraph: small, dependency-free behaviour for the article view.
// Reads only data-* attributes and writes only textContent: article text stays inert.
(function () {
  "use strict";
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function showDetail(q) {
    var box = $("#detail");
    if (!box) return;
    var d = q.dataset;
    $(".d-text", box).textContent = q.textContent;
    $(".d-speaker", box).textContent = d.speaker || "unattributed";
    $(".d-descriptor", box).textContent = d.descriptor || "—";
    $(".d-cue", box).textContent = d.cue || "—";
    $(".d-kind", box).textContent = d.kind || "—";
    var conf = $(".d-confidence", box);
    if (conf) conf.textContent = d.confidence ? d.confidence + (q.classList.contains("uncertain") ? " (uncertain)" : "") : "—";
    $(".d-date", box).textContent = d.date || "—";
    var link = $(".d-link", box);
    if (d.quotation && /^\d+$/.test(d.quotation)) {
      link.href = "/quotations/" + d.quotation;
      link.hidden = false;
    } else {
      link.hidden = true;
    }
    box.hidden = false;
  }

  function flash(el) {
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1400);
  }

  function init() {
    var quotes = $$(".doc .quote");
    quotes.forEach(function (q) {
      q.addEventListener("click", function () { showDetail(q); });
      q.addEventListener("keydown", function (e) { if (e.key === "Enter") showDetail(q); });
    });
    // speaker mentions and cues point to their quote
    $$(".doc .speaker[data-for], .doc .cue[data-for]").forEach(function (el) {
      el.addEventListener("click", function (e) {
        var q = document.getElementById(el.dataset.for);
        if (q) { e.stopPropagation(); showDetail(q); flash(q); }
      });
    });
    // hovering a speaker in the legend dims everyone else's quotes
    $$(".legend-item").forEach(function (item) {
      item.addEventListener("mouseenter", function () {
        var name = item.dataset.speaker;
        quotes.forEach(function (q) { q.classList.toggle("dim", q.dataset.speaker !== name); });
      });
      item.addEventListener("mouseleave", function () {
        quotes.forEach(function (q) { q.classList.remove("dim"); });
      });
    });
    // #s123 (a quote's start offset) opens its detail
    if (location.hash && /^#s\d+$/.test(location.hash)) {
      var q = document.getElementById(location.hash.slice(1));
      if (q) { showDetail(q); flash(q); }
    }
    document.documentElement.classList.add("js");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
