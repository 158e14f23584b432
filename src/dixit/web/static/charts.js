// Charts drawn with Vega-Lite (shipped in /static/vendor). Vega runs with its expression
// interpreter (no eval), so the page keeps a Content-Security-Policy without 'unsafe-eval'.
"use strict";

var QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
var QUAD_COLOURS = ["#7fbf7b", "#1b7837", "#f1a340", "#b2182b"];
var EMBED = {
  actions: false, renderer: "svg", ast: true, expr: vega.expressionInterpreter, defaultStyle: false,
  tooltip: { disableDefaultStyle: true }
};

function getJSON(url) {
  return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
    if (!r.ok) throw new Error(url + ": HTTP " + r.status);
    return r.json();
  });
}

function noData(el, message) {
  el.classList.add("empty");
  el.textContent = message;
  el.setAttribute("data-drawn", "0");
}

function drawDyad(el) {
  getJSON(el.getAttribute("data-src")).then(function (found) {
    if (!found.series.length) return noData(el, "No dated event between these two actors.");
    // Conflict counts below the line, cooperation above: the cooperation–conflict balance.
    var values = found.series.map(function (s) {
      var conflict = s.quad.indexOf("conflict") >= 0;
      return { period: s.period, end: periodEnd(s.period, found.interval), quad: s.quad, n: s.n,
               signed: conflict ? -s.n : s.n, a_to_b: s.a_to_b, b_to_a: s.b_to_a };
    });
    var spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      width: "container", height: 260, data: { values: values }, padding: 8,
      autosize: { type: "fit", contains: "padding" },
      mark: { type: "bar", tooltip: true, cursor: "pointer" },
      encoding: {
        // Each bar spans its own period (x to x2), on a time axis padded by a period on each side.
        x: { field: "period", type: "temporal", title: found.interval === "week" ? "week" : "month",
             scale: { domain: paddedDomain(values, found.interval) },
             axis: found.interval === "week" ? { format: "%d %b" } : { format: "%b %Y", tickCount: "month" } },
        x2: { field: "end" },
        y: { aggregate: "sum", field: "signed", type: "quantitative", title: "events (conflict below 0)" },
        color: { field: "quad", type: "nominal", title: "PLOVER quad class",
                 scale: { domain: QUADS, range: QUAD_COLOURS } },
        tooltip: [{ field: "period", type: "temporal", title: found.interval,
                    format: found.interval === "week" ? "week of %d %b %Y" : "%B %Y" }, { field: "quad" },
                  { field: "n", aggregate: "sum", title: "events" },
                  { field: "a_to_b", aggregate: "max", title: found.a + " → " + found.b + " (period)" },
                  { field: "b_to_a", aggregate: "max", title: found.b + " → " + found.a + " (period)" }]
      }
    };
    return vegaEmbed(el, spec, EMBED).then(function (result) {
      result.view.addEventListener("click", function (event, item) {
        if (!item || !item.datum) return;
        var period = item.datum.period;
        var day = new Date(period);
        var key = isNaN(day) ? null : day.toISOString().slice(0, 10);
        var target = key && nearestPeriod(key);
        if (target) {
          document.querySelectorAll(".period.active").forEach(function (s) { s.classList.remove("active"); });
          target.classList.add("active");
          target.scrollIntoView({ block: "start" });
        }
      });
      el.setAttribute("data-drawn", "1");
    });
  }).catch(function (err) { noData(el, "The chart could not be drawn: " + err.message); });
}

function periodEnd(period, interval) {
  // The bar ends a little before the next period starts, leaving a gap between bars.
  var d = new Date(period + "T00:00:00Z");
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(d.getUTCDate() - 2); }
  return d.toISOString().slice(0, 10);
}

function paddedDomain(values, interval) {
  // One empty period on each side, so a single month is a bar, not the whole width.
  var days = values.map(function (v) { return Date.parse(v.period); });
  var step = interval === "week" ? 7 * 86400000 : 31 * 86400000;
  return [Math.min.apply(null, days) - step, Math.max.apply(null, days) + step];
}

function nearestPeriod(key) {
  // The event groups are labelled by the first day of their period; pick the one at or before the bar.
  var best = null;
  document.querySelectorAll(".period[id^='period-']").forEach(function (s) {
    var day = s.id.slice(7);
    if (day <= key) best = s;
  });
  return best;
}

function drawSaid(el) {
  getJSON(el.getAttribute("data-src")).then(function (actor) {
    if (!actor.said_per_month.length) return noData(el, "No dated quote.");
    var spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      width: "container", height: 120, data: { values: actor.said_per_month }, padding: 8,
      autosize: { type: "fit", contains: "padding" },
      mark: { type: "bar", tooltip: true, color: "#4a6fa5", width: { band: 0.6 } },
      encoding: {
        x: { field: "period", type: "ordinal", timeUnit: "yearmonth", title: "month" },
        y: { field: "n", type: "quantitative", title: "quotes" }
      }
    };
    return vegaEmbed(el, spec, EMBED).then(function () { el.setAttribute("data-drawn", "1"); });
  }).catch(function (err) { noData(el, "The chart could not be drawn: " + err.message); });
}

var dyadChart = document.getElementById("dyad-chart");
if (dyadChart) drawDyad(dyadChart);
var saidChart = document.getElementById("said-chart");
if (saidChart) drawSaid(saidChart);
