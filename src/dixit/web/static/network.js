// The network of actors drawn with Cytoscape.js (shipped in /static/vendor): one arrow per
// source, target and PLOVER type, as thick as the number of events, coloured by quad class.
"use strict";

var QUAD_COLOURS = { 1: "#7fbf7b", 2: "#1b7837", 3: "#f1a340", 4: "#b2182b", 0: "#999999" };
var KIND_COLOURS = { country: "#4a6fa5", person: "#8e6c8a", organization: "#c98b2b", bloc: "#2a9d8f",
                     group: "#a05252", other: "#777777" };

function drawNetwork(el) {
  var note = document.getElementById("network-note");
  fetch(el.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (net) {
      if (!net.nodes.length) {
        el.classList.add("empty");
        el.textContent = "No event with both a source and a target yet.";
        return;
      }
      var elements = net.nodes.map(function (n) {
        return { data: { id: "n:" + n.id, actor: n.id, label: n.name, kind: n.kind, degree: n.degree,
                         colour: KIND_COLOURS[n.kind] || KIND_COLOURS.other } };
      }).concat(net.edges.map(function (e, i) {
        return { data: { id: "e" + i, source: "n:" + e.source, target: "n:" + e.target, label: e.type,
                         weight: e.weight, colour: QUAD_COLOURS[e.quad || 0], a: e.source, b: e.target } };
      }));
      var cy = cytoscape({
        container: el, elements: elements,
        layout: { name: "cose", animate: false, componentSpacing: 40, padding: 10, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 110; } },
        style: [
          { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", "font-size": 13,
            width: "mapData(degree, 1, 20, 16, 48)", height: "mapData(degree, 1, 20, 16, 48)",
            "text-valign": "bottom", "text-margin-y": 3, color: "#222", "text-outline-color": "#fff", "text-outline-width": 2 } },
          { selector: "edge", style: { "line-color": "data(colour)", "target-arrow-color": "data(colour)",
            "target-arrow-shape": "triangle", "curve-style": "bezier", width: "mapData(weight, 1, 10, 1.5, 8)",
            opacity: 0.8, "font-size": 10, color: "#333", "text-rotation": "autorotate",
            "text-background-color": "#fff", "text-background-opacity": 0.9 } },
          // Type labels only on the links of the actor under the pointer, to keep the drawing legible.
          { selector: "edge.near", style: { label: "data(label)", opacity: 1 } },
          { selector: "node:selected", style: { "border-width": 3, "border-color": "#000" } }
        ]
      });
      cy.on("mouseover", "node", function (evt) { evt.target.connectedEdges().addClass("near"); });
      cy.on("mouseout", "node", function (evt) { evt.target.connectedEdges().removeClass("near"); });
      cy.on("mouseover", "edge", function (evt) { evt.target.addClass("near"); });
      cy.on("mouseout", "edge", function (evt) { evt.target.removeClass("near"); });
      cy.on("tap", "node", function (evt) { location.href = "/actors/" + encodeURIComponent(evt.target.data("actor")); });
      cy.on("tap", "edge", function (evt) {
        location.href = "/dyad?a=" + encodeURIComponent(evt.target.data("a")) + "&b=" + encodeURIComponent(evt.target.data("b"));
      });
      el.setAttribute("data-drawn", "1");
      if (note) note.textContent = net.nodes.length + " actors, " + net.edges.length + " links";
    })
    .catch(function (err) { el.classList.add("empty"); el.textContent = "The network could not be drawn: " + err.message; });
}

var networkEl = document.getElementById("network");
if (networkEl) drawNetwork(networkEl);
