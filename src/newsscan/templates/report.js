// newsscan report: the filter box, sortable tables, links that open folded sections. No network, no library.
(function () {
  "use strict";
  var box = document.getElementById("filter");
  var count = document.getElementById("filter-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.ft tbody tr"));
  var texts = rows.map(function (tr) {
    return (tr.textContent + " " + (tr.getAttribute("data-k") || "")).toLowerCase();
  });

  function filter() {
    var q = box.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (tr, i) {
      var hit = !q || texts[i].indexOf(q) !== -1;
      tr.classList.toggle("hide", !hit);
      if (hit) { shown += 1; }
    });
    count.textContent = q ? shown + " of " + rows.length + " rows" : "";
  }
  box.addEventListener("input", filter);

  function key(td) {
    var v = td ? (td.getAttribute("data-v") || td.textContent.trim()) : "";
    var n = Number(v);
    return v !== "" && !isNaN(n) ? n : v.toLowerCase();
  }

  function sortBy(th) {
    var table = th.closest("table");
    var col = Array.prototype.indexOf.call(th.parentNode.children, th);
    var down = th.getAttribute("aria-sort") === "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", down ? "descending" : "ascending");
    var body = table.tBodies[0];
    var list = Array.prototype.slice.call(body.rows).map(function (tr, i) {
      return { tr: tr, k: key(tr.children[col]), i: i };
    });
    list.sort(function (a, b) {
      var c = typeof a.k === typeof b.k ? (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) : (typeof a.k === "number" ? -1 : 1);
      return (down ? -c : c) || a.i - b.i;
    });
    list.forEach(function (x) { body.appendChild(x.tr); });
  }
  document.querySelectorAll("button.sort").forEach(function (b) {
    b.addEventListener("click", function () { sortBy(b.closest("th")); });
  });

  // a link to a folded article or source opens it; a chart link also sets the filter
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === "DETAILS") { el.open = true; }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("[data-q]") : null;
    if (a) { box.value = a.getAttribute("data-q"); filter(); }
  });
})();
