// Article page: clicking a quote, event or flag in the side panel scrolls to its place in
// the text and highlights every piece of it. Also honours #q-3 / #e-2 in the address.
"use strict";

function marks(kind, no) {
  // Pieces carry data-q="0 3": the numbers of every quote (event, flag) covering them.
  return Array.from(document.querySelectorAll("#text [data-" + kind + "]")).filter(function (el) {
    return el.getAttribute("data-" + kind).split(" ").indexOf(String(no)) >= 0;
  });
}

function focusRecord(kind, no) {
  document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  var found = marks(kind, no);
  var badge = document.getElementById(kind + "-" + no);
  if (badge) found.unshift(badge);
  found.forEach(function (el) { el.classList.add("active"); });
  var item = document.querySelector('.jump[data-kind="' + kind + '"][data-no="' + no + '"]');
  if (item) item.classList.add("active");
  if (found.length) found[0].scrollIntoView({ block: "center", behavior: "instant" });
  return found.length;
}

function initArticle() {
  document.querySelectorAll("#panel .jump").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var kind = link.getAttribute("data-kind"), no = link.getAttribute("data-no");
      focusRecord(kind, no);
      if (kind !== "f") history.replaceState(null, "", "#" + kind + "-" + no);
    });
  });
  // Clicking a speaker badge or event tag in the text highlights its record too.
  document.querySelectorAll("#text .badge").forEach(function (badge) {
    badge.addEventListener("click", function () {
      var kind = badge.hasAttribute("data-q") ? "q" : "e";
      focusRecord(kind, badge.getAttribute("data-" + kind));
      var item = document.querySelector('.jump[data-kind="' + kind + '"][data-no="' + badge.getAttribute("data-" + kind) + '"]');
      if (item) item.scrollIntoView({ block: "nearest" });
    });
  });
  // Clicking an actor's name in the text marks all its mentions and its chip in the panel.
  document.querySelectorAll("#text .ent").forEach(function (piece) {
    piece.addEventListener("click", function () {
      var no = piece.getAttribute("data-m").split(" ")[0];
      focusRecord("m", no);
      var chip = document.querySelector('#actors .chip[data-no="' + no + '"]');
      if (chip) { chip.classList.add("active"); chip.scrollIntoView({ block: "nearest" }); }
    });
  });
  var hash = /^#([qe])-(\d+)$/.exec(location.hash);
  if (hash) focusRecord(hash[1], hash[2]);
}

if (document.body.getAttribute("data-page") === "article") initArticle();

// Story page: pointing at a shared passage (or a name a translation kept) lights it up on both
// sides (same data-p number).
function initStory() {
  document.querySelectorAll("#sidebyside mark[data-p]").forEach(function (mark) {
    var no = mark.getAttribute("data-p");
    var twins = document.querySelectorAll('#sidebyside mark[data-p="' + no + '"]');
    mark.addEventListener("mouseenter", function () { twins.forEach(function (el) { el.classList.add("active"); }); });
    mark.addEventListener("mouseleave", function () { twins.forEach(function (el) { el.classList.remove("active"); }); });
    mark.addEventListener("click", function () {
      twins.forEach(function (el) { if (el !== mark) el.scrollIntoView({ block: "center", behavior: "instant" }); });
    });
  });
}

if (document.body.getAttribute("data-page") === "story") initStory();
