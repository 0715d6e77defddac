// Shared by the workbench, the code tree, the review page and the researchers' pages:
// requests with the sign-in cookie and the CSRF header, the JSON API, which routes this
// server has, element building (text only, never markup), text painting with highlight
// ranges, and the code colours.
"use strict";

window.QC = (() => {
  const t = window.t;

  class ApiError extends Error {
    constructor(status, body) {
      const text = body && body.message ? body.message : t("The server answered {status}.", { status });
      super(body && body.hint ? text + " " + body.hint : text);
      this.status = status;
      this.body = body;
      this.missing = status === 404 && Boolean(body) && body.detail === "Not Found"; // no such route
    }
  }

  // One request with the sign-in cookie and the CSRF header; a FormData body goes as it
  // is, any other as JSON.  The answer's JSON is null where it has none (e.g. 204).
  async function request(method, url, body) {
    const init = {
      method,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-Requested-With": "qualcode" },
    };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { response, data };
  }

  // The project's JSON API: signs in again on 401, throws ApiError on any other refusal.
  function client(project) {
    const base = "/api/projects/" + encodeURIComponent(project);
    return async function call(method, path, body) {
      const { response, data } = await request(method, base + path, body);
      if (response.status === 401) {
        window.location.assign("/?next=" + encodeURIComponent(window.location.pathname));
      }
      if (!response.ok) throw new ApiError(response.status, data);
      return data;
    };
  }

  // The routes this server has (e.g. memos, flags, progress): from its OpenAPI schema.
  async function features() {
    try {
      const response = await fetch("/openapi.json", { credentials: "same-origin" });
      const schema = await response.json();
      const prefix = "/api/projects/{project}";
      return new Set(Object.keys(schema.paths || {}).map((p) => p.replace(prefix, "")));
    } catch (e) {
      return new Set();
    }
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function button(text, title, onClick) {
    const b = el("button", "", text);
    b.type = "button";
    if (title) b.title = title;
    b.addEventListener("click", onClick);
    return b;
  }

  // text cut at every range boundary; each piece a <span> with the classes (and the
  // colour of the last coloured range) of the ranges covering it
  function paint(text, ranges) {
    const cuts = new Set([0, text.length]);
    ranges.forEach((r) => { cuts.add(Math.max(0, Math.min(r.start, text.length))); cuts.add(Math.max(0, Math.min(r.end, text.length))); });
    const points = Array.from(cuts).sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i < points.length - 1; i += 1) {
      const [a, b] = [points[i], points[i + 1]];
      if (a === b) continue;
      const over = ranges.filter((r) => r.start <= a && r.end >= b);
      if (!over.length) { out.push(document.createTextNode(text.slice(a, b))); continue; }
      const piece = el(over.some((r) => r.mark) ? "mark" : "span", over.map((r) => r.cls).join(" "), text.slice(a, b));
      const coloured = over.filter((r) => r.colour);
      if (coloured.length) piece.style.borderBottomColor = coloured[coloured.length - 1].colour;
      out.push(piece);
    }
    return out;
  }

  // where each occurrence of a phrase is in text (case-insensitive)
  function occurrences(text, phrase) {
    const found = [];
    const hay = text.toLowerCase();
    const needle = phrase.trim().toLowerCase();
    if (needle.length < 2) return found;
    let at = hay.indexOf(needle);
    while (at >= 0) { found.push([at, at + needle.length]); at = hay.indexOf(needle, at + needle.length); }
    return found;
  }

  // colour-blind-safe (ColorBrewer Dark2), by the code's position in the codebook
  const PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#b8860b", "#a6761d", "#666666"];
  function colours(codes) {
    const out = new Map();
    codes.forEach((c, i) => out.set(c.id, c.colour || PALETTE[i % PALETTE.length]));
    return out;
  }

  return { ApiError, request, client, features, el, button, paint, occurrences, colours };
})();
