// The code tree: each code's colour, count and decisions; researchers rename a code or
// merge it into another.  Uses GET /codebook/tree and /progress where the server has
// them, else counts from the segment list.
"use strict";

(() => {
  const root = document.getElementById("codetree");
  if (!root) return;
  const { el, button } = window.QC;
  const t = window.t;
  const call = window.QC.client(root.dataset.project);
  const canEdit = root.dataset.canEdit === "1";
  const tree = document.getElementById("tree");
  const message = document.getElementById("message");
  let versions = new Map();
  let labels = [];

  const say = (text, isError) => { message.textContent = text; message.classList.toggle("error", Boolean(isError)); };

  // segments per status of a code, from the segment list (when there is no /progress)
  async function counted(code) {
    const one = async (status) => (await call("GET", "/segments?limit=1&code_id=" + encodeURIComponent(code) + "&status=" + status)).total;
    const [accepted, rejected, added, open] = await Promise.all(["accepted", "rejected", "added", "suggested"].map(one));
    return { code_id: code, accepted, rejected, added, suggested_open: open };
  }

  async function nodes(has) {
    if (has.has("/codebook/tree")) return call("GET", "/codebook/tree");
    const flat = (await call("GET", "/codebook")).map((s) => s.code);
    const colours = window.QC.colours(flat);
    const byId = new Map();
    for (const c of flat) {
      const stats = await counted(c.id);
      byId.set(c.id, { ...c, colour: colours.get(c.id), count: stats.accepted + stats.added, stats, children: [] });
    }
    const top = [];
    byId.forEach((n) => { const up = n.parent && byId.get(n.parent); if (up) up.children.push(n); else top.push(n); });
    return top;
  }

  function editor(node) {
    const form = el("form");
    const id = "rename-" + node.id;
    const lab = el("label", "", t("New label"));
    lab.htmlFor = id;
    const input = el("input");
    input.id = id;
    input.value = node.label;
    input.maxLength = 200;
    const into = el("select");
    into.id = "merge-" + node.id;
    into.setAttribute("aria-label", t("Merge {code} into", { code: node.label }));
    into.append(el("option", "", t("merge into…")));
    into.firstChild.value = "";
    labels.filter(([cid]) => cid !== node.id).forEach(([cid, l]) => { const o = el("option", "", l); o.value = cid; into.append(o); });
    form.append(lab, input, button(t("Rename"), "", () => run(() => rename(node.id, input.value))), into,
      button(t("Merge"), "", () => { if (into.value) run(() => merge(node.id, into.value)); }));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); run(() => rename(node.id, input.value)); });
    return form;
  }

  function item(node, by) {
    const li = el("li");
    li.dataset.codeId = node.id;
    const row = el("div", "node");
    const swatch = el("span", "swatch");
    swatch.style.backgroundColor = node.colour;
    swatch.setAttribute("aria-hidden", "true");
    row.append(swatch, el("strong", "label", node.label), el("code", "", node.id),
      el("span", "count", t("segments: {n}", { n: node.count })));
    const p = by.get(node.id) || node.stats;
    if (p) row.append(el("span", "count", t("accepted {a} · rejected {r} · added {d} · open {o}", { a: p.accepted, r: p.rejected, d: p.added, o: p.suggested_open })));
    li.append(row);
    if (canEdit) li.append(editor(node));
    if (node.children && node.children.length) {
      const ul = el("ul");
      ul.append(...node.children.map((c) => item(c, by)));
      li.append(ul);
    }
    return li;
  }

  async function rename(code, label) {
    await call("PATCH", "/codebook/" + encodeURIComponent(code), { changes: { label }, expected_version: versions.get(code) });
    say(t("Renamed {code}.", { code }));
    await draw();
  }

  async function merge(source, target) {
    await call("POST", "/codebook/merge", { source, target });
    say(t("Merged {source} into {target}.", { source, target }));
    await draw();
  }

  async function draw() {
    const has = await window.QC.features();
    const states = await call("GET", "/codebook");
    versions = new Map(states.map((s) => [s.code.id, s.version]));
    labels = states.map((s) => [s.code.id, s.code.label]);
    const progress = has.has("/progress") ? await call("GET", "/progress") : { by_code: [] };
    const by = new Map(progress.by_code.map((row) => [row.code_id, row]));
    tree.replaceChildren(...(await nodes(has)).map((n) => item(n, by)));
  }

  async function run(action) {
    root.dataset.busy = "1";
    try { await action(); } catch (err) { say(err.message, true); } finally { root.dataset.busy = "0"; }
  }

  run(draw);
})();
