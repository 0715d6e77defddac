// The coder's workbench: a transcript with each segment's codes in place, coding
// stripes in the margin, any span coded from a text selection, the code's definition
// one key away, memos, flags, filters and search, undo and redo; keyboard first.
"use strict";

(() => {
  const root = document.getElementById("wb");
  if (!root) return;
  const { el, button, paint, occurrences } = window.QC;
  const t = window.t;
  const $ = (id) => document.getElementById(id);
  const project = root.dataset.project;
  const tid = Number(root.dataset.tid);
  const canCode = root.dataset.canCode === "1";
  const call = window.QC.client(project);
  const ui = {
    message: $("message"), progressText: $("progress-text"), progress: $("progress"),
    segments: $("segments"), meta: $("doc-meta"), codes: $("codes"), noCodes: $("no-codes"),
    sideSeg: $("side-seg"), def: $("def"), flagState: $("flag-state"), segMemos: $("seg-memos"),
    docMemos: $("doc-memos"), results: $("results"), resultsCount: $("results-count"),
    addForm: $("add-form"), addCode: $("add-code"), addMemo: $("add-memo"), addSpan: $("add-span"),
    memoForm: $("memo-form"), memoText: $("memo-text"), memoLabel: $("memo-label"),
    jumpForm: $("jump-form"), jumpId: $("jump-id"), help: $("help"), filter: $("filter-form"),
  };
  const state = {
    segs: [], byId: new Map(), cur: -1, codeIdx: 0, undo: [], redo: [], codebook: new Map(),
    colours: new Map(), children: new Map(), flags: new Set(), has: new Set(), spans: [],
    terms: [], kbSel: null, pendingSpans: [], memoFor: null,
  };

  // --- one action at a time, in the order the keys were pressed -----------------------
  let chain = Promise.resolve();
  let pending = 0;
  function perform(action) {
    pending += 1;
    root.dataset.busy = "1";
    chain = chain.then(action)
      .catch((err) => say(err instanceof Error ? err.message : String(err), true))
      .finally(() => { pending -= 1; if (pending === 0) root.dataset.busy = "0"; });
    return chain;
  }

  function say(text, isError) {
    ui.message.textContent = text || "";
    ui.message.classList.toggle("error", Boolean(isError));
  }

  const label = (id) => (state.codebook.get(id) || { label: id }).label;
  const current = () => state.segs[state.cur] || null;
  const open = (seg) => seg.codes.some((c) => c.status === "suggested");

  // --- loading ----------------------------------------------------------------------
  async function loadDocument() {
    if (state.has.has("/transcripts/{tid}/document")) {
      const doc = await call("GET", "/transcripts/" + tid + "/document");
      const speakers = new Map(doc.turns.map((turn) => [turn.index, turn.speaker]));
      state.segs = doc.segments.map((s) => ({
        id: s.id, turn: s.turn_index, speaker: speakers.get(s.turn_index) || "",
        text: doc.text.slice(s.start, s.end), codes: s.codes, start: s.start,
      }));
      state.spans = doc.spans.map((sp) => ({ ...sp }));
      (doc.flags || []).forEach((id) => state.flags.add(id));
      const meta = doc.meta || {};
      ui.meta.textContent = [meta.region, meta.group, meta.date, meta.language].filter(Boolean).join(" · ");
      return;
    }
    state.segs = [];
    for (let offset = 0; ; offset += 500) {
      const page = await call("GET", "/segments?transcript_id=" + tid + "&limit=500&offset=" + offset);
      page.items.forEach((s) => state.segs.push({
        id: s.id, turn: s.turn_index, speaker: s.speaker, text: s.text, codes: s.codes, start: s.char_start,
      }));
      if (offset + 500 >= page.total) break;
    }
  }

  async function loadCodebook() {
    const tree = state.has.has("/codebook/tree") ? await call("GET", "/codebook/tree") : null;
    const flat = (await call("GET", "/codebook")).map((s) => s.code);
    state.colours = window.QC.colours(flat);
    const walk = (nodes) => nodes.forEach((n) => { state.colours.set(n.id, n.colour); walk(n.children || []); });
    if (tree) walk(tree);
    flat.forEach((c) => {
      state.codebook.set(c.id, c);
      if (c.parent) state.children.set(c.parent, (state.children.get(c.parent) || []).concat([c.id]));
    });
    ui.addCode.replaceChildren(...flat.map((c) => { const o = el("option", "", c.label + " (" + c.id + ")"); o.value = c.id; return o; }));
    const codeSelect = ui.filter.elements.code_id;
    flat.forEach((c) => { const o = el("option", "", c.label); o.value = c.id; codeSelect.append(o); });
  }

  async function loadFacets() {
    const rows = await call("GET", "/transcripts");
    ["region", "group", "language"].forEach((field) => {
      const values = Array.from(new Set(rows.map((r) => r[field]).filter(Boolean))).sort();
      values.forEach((v) => { const o = el("option", "", v); o.value = v; ui.filter.elements[field].append(o); });
    });
  }

  async function loadFlags() {
    if (!state.has.has("/flags")) return;
    (await call("GET", "/flags")).segments.forEach((id) => state.flags.add(id));
  }

  async function reloadSegment(seg) {
    const ctx = await call("GET", "/segments/" + seg.id + "?before=0&after=0");
    seg.codes = ctx.segment.codes;
    drawSegment(seg);
    if (seg === current()) drawSide();
  }

  async function refreshProgress() {
    let decided = state.segs.filter((s) => s.codes.some((c) => c.status !== "suggested")).length;
    let total = state.segs.length;
    let overall = "";
    if (state.has.has("/progress")) {
      const p = await call("GET", "/progress");
      const mine = (p.by_transcript || []).find((row) => row.id === tid);
      if (mine) { decided = mine.decided; total = mine.total; }
      overall = " · " + t("{decided} / {total} in the project", p.segments);
    }
    ui.progressText.textContent = t("{decided} / {total} segments decided", { decided, total }) + overall;
    ui.progress.max = Math.max(total, 1);
    ui.progress.value = decided;
  }

  // --- drawing ----------------------------------------------------------------------
  function ranges(seg) {
    const out = state.spans.filter((sp) => sp.segment_id === seg.id).map((sp) => ({
      start: sp.start - seg.start, end: sp.end - seg.start, cls: "span", colour: state.colours.get(sp.code_id),
    }));
    const chosen = seg === current() ? seg.codes[state.codeIdx] : null;
    if (chosen) {
      evidenceWords(chosen).forEach((word) => occurrences(seg.text, word)
        .forEach(([a, b]) => out.push({ start: a, end: b, cls: "evidence", mark: true })));
    }
    state.terms.forEach((term) => occurrences(seg.text, term)
      .forEach(([a, b]) => out.push({ start: a, end: b, cls: "hit", mark: true })));
    return out;
  }

  // the evidence words of a suggestion: its "keywords: a, b" line (the other lines quote
  // the codebook, not the segment)
  function evidenceWords(code) {
    const line = (code.evidence || []).find((e) => e.startsWith("keywords: "));
    return line ? line.slice("keywords: ".length).split(", ").filter(Boolean) : [];
  }

  function drawSegment(seg) {
    const li = seg.node || el("li", "seg");
    seg.node = li;
    li.id = "seg-" + seg.id;
    li.dataset.segmentId = String(seg.id);
    li.tabIndex = 0;
    li.classList.toggle("open", open(seg));
    li.classList.toggle("flagged", state.flags.has(seg.id));
    const stripes = el("div", "stripes");
    stripes.setAttribute("aria-hidden", "true");
    seg.codes.filter((c) => c.status !== "rejected").forEach((c) => {
      const bar = el("span", "stripe " + c.status);
      bar.style.backgroundColor = state.colours.get(c.code_id) || "#666666";
      bar.dataset.codeId = c.code_id;
      stripes.append(bar);
    });
    const body = el("div", "seg-body");
    const prev = state.segs[state.segs.indexOf(seg) - 1];
    if (!prev || prev.turn !== seg.turn) body.append(el("span", "speaker", seg.speaker + ":"), " ");
    const text = el("span", "seg-text");
    text.append(...paint(seg.text, ranges(seg)));
    body.append(text);
    const chips = el("ul", "chips");
    chips.setAttribute("aria-label", t("Codes"));
    seg.codes.forEach((c) => {
      const chip = el("li", "chip " + c.status, label(c.code_id) + " · " + t(c.status));
      chip.style.borderLeftColor = state.colours.get(c.code_id) || "#666666";
      chips.append(chip);
    });
    if (state.flags.has(seg.id)) chips.append(el("li", "chip flag", "⚑ " + t("flagged")));
    body.append(chips);
    li.replaceChildren(stripes, body);
    li.setAttribute("aria-current", seg === current() ? "true" : "false");
    li.classList.toggle("current", seg === current());
  }

  function drawDocument() {
    state.segs.forEach((seg) => drawSegment(seg));
    ui.segments.replaceChildren(...state.segs.map((s) => s.node));
  }

  function drawSide() {
    const seg = current();
    ui.sideSeg.textContent = seg ? "#" + seg.id : "";
    const codes = seg ? seg.codes : [];
    if (state.codeIdx >= codes.length) state.codeIdx = Math.max(codes.length - 1, 0);
    ui.noCodes.hidden = codes.length > 0;
    ui.flagState.hidden = !(seg && state.flags.has(seg.id));
    ui.codes.replaceChildren(...codes.map((c, i) => codeItem(c, i)));
    drawDefinition();
  }

  function codeItem(code, index) {
    const li = el("li", index === state.codeIdx ? "selected" : "");
        li.setAttribute("aria-current", index === state.codeIdx ? "true" : "false");
    li.dataset.codeId = code.code_id;
    li.dataset.status = code.status;
    li.style.borderLeftColor = state.colours.get(code.code_id) || "#666666";
    const head = el("div", "head");
    const score = code.score === null || code.score === undefined ? t("added by a coder") : t("score {s}", { s: code.score.toFixed(2) });
    head.append(el("span", "label", label(code.code_id)), el("span", "score", score), el("span", "status " + code.status, t(code.status)));
    if (canCode) {
      const actions = el("span", "actions");
      actions.append(
        button(t("Accept"), t("Accept (a)"), (ev) => { ev.stopPropagation(); pick(index); perform(() => decide("accept", "")); }),
        button(t("Reject"), t("Reject with a reason (r)"), (ev) => { ev.stopPropagation(); pick(index); askMemo({ kind: "reject" }); }),
      );
      head.append(actions);
    }
    li.append(head);
    if (code.evidence && code.evidence.length) {
      const ul = el("ul", "evidence");
      ul.setAttribute("aria-label", t("Evidence"));
      code.evidence.forEach((line) => ul.append(el("li", "", line)));
      li.append(ul);
    }
    if (code.decided_by) {
      let text = t("{status} by {who}", { status: t(code.status), who: code.decided_by });
      if (code.memo) text += " — " + t("memo: ") + code.memo;
      li.append(el("p", "decided", text));
    }
    li.addEventListener("click", () => pick(index));
    return li;
  }

  function drawDefinition() {
    const seg = current();
    const chosen = seg ? seg.codes[state.codeIdx] : null;
    const code = chosen ? state.codebook.get(chosen.code_id) : null;
    $("def-title").textContent = code ? code.label : t("No code selected");
    $("def-definition").textContent = code ? code.definition : "";
    $("def-inclusion").textContent = code && code.inclusion ? code.inclusion : "—";
    $("def-exclusion").textContent = code && code.exclusion ? code.exclusion : "—";
    $("def-example").textContent = code && code.examples && code.examples.length ? code.examples[0] : "—";
  }

  async function drawMemos() {
    const seg = current();
    if (!seg || !state.has.has("/memos")) { ui.segMemos.replaceChildren(); return; }
    const memos = await call("GET", "/memos?target=segment&target_id=" + seg.id);
    ui.segMemos.replaceChildren(...memos.map((m) => el("li", "", m.author + ": " + m.text)));
  }

  // --- moving -----------------------------------------------------------------------
  function select(index, focus) {
    if (index < 0 || index >= state.segs.length) return;
    const before = current();
    state.cur = index;
    state.kbSel = null;
    if (before !== current()) state.codeIdx = 0;
    if (before) drawSegment(before);
    const seg = current();
    drawSegment(seg);
    drawSide();
    if (focus !== false) seg.node.focus({ preventScroll: true });
    seg.node.scrollIntoView({ block: "nearest" });
    window.history.replaceState(null, "", "#s=" + seg.id);
    perform(drawMemos);
  }

  function pick(index) {
    const seg = current();
    if (!seg || !seg.codes.length) return;
    state.codeIdx = Math.min(Math.max(index, 0), seg.codes.length - 1);
    drawSegment(seg);
    drawSide();
  }

  function step(direction, onlyOpen) {
    for (let i = state.cur + direction; i >= 0 && i < state.segs.length; i += direction) {
      if (!onlyOpen || open(state.segs[i])) { select(i); say(""); return; }
    }
    say(onlyOpen ? t("No more segments with open suggestions that way in this transcript.") : t("No more segments that way."));
  }

  // --- deciding ---------------------------------------------------------------------
  async function post(entry) {
    const body = { code_id: entry.code_id, action: entry.action, memo: entry.memo || "" };
    if (entry.span) { body.span_start = entry.span[0]; body.span_end = entry.span[1]; }
    const made = await call("POST", "/segments/" + entry.segment_id + "/decisions", body);
    entry.id = made.id;
    state.undo.push(entry);
    if (entry.span) {
      const seg = state.byId.get(entry.segment_id);
      state.spans.push({ event_id: made.id, segment_id: seg.id, code_id: entry.code_id, start: seg.start + entry.span[0], end: seg.start + entry.span[1] });
    }
    return made;
  }

  async function decide(action, memo) {
    const seg = current();
    const code = seg ? seg.codes[state.codeIdx] : null;
    if (!code) { say(t("No code is selected. Select text and press c to add one."), true); return; }
    await post({ segment_id: seg.id, code_id: code.code_id, action, memo });
    if (action === "reject") state.spans = state.spans.filter((sp) => !(sp.segment_id === seg.id && sp.code_id === code.code_id));
    state.redo = [];
    say(t(action === "accept" ? "Accepted {code}." : "Rejected {code}.", { code: label(code.code_id) }));
    await reloadSegment(seg);
    await refreshProgress();
  }

  async function add(codeId, memo, spans) {
    for (const [segId, span] of spans) {
      await post({ segment_id: segId, code_id: codeId, action: "add", memo, span });
      await reloadSegment(state.byId.get(segId));
    }
    state.redo = [];
    say(t("Added {code} to {n} passage(s).", { code: label(codeId), n: spans.length }));
    const seg = current();
    const at = seg ? seg.codes.findIndex((c) => c.code_id === codeId) : -1;
    if (at >= 0) pick(at);
    await refreshProgress();
  }

  async function undo() {
    const last = state.undo.pop();
    if (!last) { say(t("Nothing to undo on this page.")); return; }
    await call("POST", "/decisions/" + last.id + "/undo");
    state.spans = state.spans.filter((sp) => sp.event_id !== last.id);
    state.redo.push(last);
    say(t("Undid {action} of {code}.", { action: t(last.action), code: label(last.code_id) }));
    await reloadSegment(state.byId.get(last.segment_id));
    await refreshProgress();
  }

  async function redo() {
    const again = state.redo.pop();
    if (!again) { say(t("Nothing to redo.")); return; }
    await post({ ...again, id: undefined });
    say(t("Redid {action} of {code}.", { action: t(again.action), code: label(again.code_id) }));
    await reloadSegment(state.byId.get(again.segment_id));
    await refreshProgress();
  }

  async function toggleFlag() {
    const seg = current();
    if (!seg) return;
    if (!state.has.has("/segments/{segment_id}/flag")) { say(t("This server cannot keep flags yet."), true); return; }
    const on = !state.flags.has(seg.id);
    await call(on ? "PUT" : "DELETE", "/segments/" + seg.id + "/flag");
    if (on) state.flags.add(seg.id); else state.flags.delete(seg.id);
    say(on ? t("Flagged segment {id} for later.", { id: seg.id }) : t("Removed the flag from segment {id}.", { id: seg.id }));
    drawSegment(seg);
    drawSide();
  }

  // --- the selection: any span, one per segment it crosses ------------------------
  function textOf(seg) { return seg.node.querySelector(".seg-text"); }

  function offsetIn(textEl, node, offset) {
    const r = document.createRange();
    r.setStart(textEl, 0);
    r.setEnd(node, offset);
    return r.toString().length;
  }

  function selectedSpans() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return [];
    const range = sel.getRangeAt(0);
    const out = [];
    state.segs.forEach((seg) => {
      const textEl = seg.node && textOf(seg);
      if (!textEl || !range.intersectsNode(textEl)) return;
      const a = textEl.contains(range.startContainer) ? offsetIn(textEl, range.startContainer, range.startOffset) : 0;
      const b = textEl.contains(range.endContainer) ? offsetIn(textEl, range.endContainer, range.endOffset) : seg.text.length;
      if (b > a) out.push([seg.id, a === 0 && b === seg.text.length ? null : [a, b]]);
    });
    return out;
  }

  function pointAt(textEl, offset) {
    const walker = document.createTreeWalker(textEl, NodeFilter.SHOW_TEXT);
    let left = offset;
    let node = walker.nextNode();
    while (node) {
      if (left <= node.length) return [node, left];
      left -= node.length;
      node = walker.nextNode();
    }
    return [textEl, textEl.childNodes.length];
  }

  function extend(direction) {
    const seg = current();
    if (!seg) return;
    if (!state.kbSel) state.kbSel = [0, 0];
    const text = seg.text;
    let end = state.kbSel[1];
    if (direction > 0) {
      while (end < text.length && /\s/.test(text[end])) end += 1;
      while (end < text.length && !/\s/.test(text[end])) end += 1;
    } else {
      while (end > 0 && /\s/.test(text[end - 1])) end -= 1;
      while (end > 0 && !/\s/.test(text[end - 1])) end -= 1;
    }
    state.kbSel[1] = end;
    const textEl = textOf(seg);
    const r = document.createRange();
    r.setStart(...pointAt(textEl, 0));
    r.setEnd(...pointAt(textEl, end));
    const sel = window.getSelection();
    sel.removeAllRanges();
    if (end > 0) sel.addRange(r);
    say(end > 0 ? t("Selected: “{text}”", { text: text.slice(0, end) }) : "");
  }

  // --- forms --------------------------------------------------------------------------
  function openAdd() {
    if (!canCode) { say(t("Only coders add codes."), true); return; }
    let spans = selectedSpans();
    const seg = current();
    if (!spans.length && seg) spans = [[seg.id, null]];
    if (!spans.length) { say(t("Select a segment or some text first."), true); return; }
    state.pendingSpans = spans;
    ui.addSpan.textContent = spans.map(([id, span]) => {
      const s = state.byId.get(id);
      return span ? "#" + id + " “" + s.text.slice(span[0], span[1]) + "”" : "#" + id + " " + t("(whole segment)");
    }).join("; ");
    ui.addMemo.value = "";
    ui.addForm.hidden = false;
    ui.addCode.focus();
  }

  function askMemo(target) {
    const seg = current();
    const code = seg ? seg.codes[state.codeIdx] : null;
    if ((target.kind === "reject" || target.kind === "accept") && !code) { say(t("No code is selected."), true); return; }
    if (target.kind === "segment" && !seg) return;
    const texts = {
      reject: t("Reason for rejecting {code}", { code: code ? label(code.code_id) : "" }),
      accept: t("Memo on accepting {code}", { code: code ? label(code.code_id) : "" }),
      segment: t("Memo on segment {id}", { id: seg ? seg.id : "" }),
      transcript: t("Memo on this transcript"),
      code: t("Memo on the code {code}", { code: code ? label(code.code_id) : "" }),
    };
    if (["segment", "transcript", "code"].includes(target.kind) && !state.has.has("/memos")) {
      say(t("This server cannot keep memos yet."), true);
      return;
    }
    state.memoFor = { ...target, segId: seg ? seg.id : null, codeId: code ? code.code_id : null };
    ui.memoLabel.textContent = texts[target.kind];
    ui.memoText.value = "";
    ui.memoForm.hidden = false;
    ui.memoText.focus();
  }

  async function saveMemo(target, text) {
    if (target.kind === "reject" || target.kind === "accept") return decide(target.kind, text);
    const ids = { segment: String(target.segId), transcript: String(tid), code: target.codeId };
    await call("POST", "/memos", { target: target.kind, target_id: ids[target.kind], text });
    say(t("Memo saved."));
    return target.kind === "segment" ? drawMemos() : undefined;
  }

  function closeForms() {
    [ui.addForm, ui.memoForm, ui.jumpForm].forEach((f) => { f.hidden = true; });
    const seg = current();
    if (seg) seg.node.focus({ preventScroll: true });
  }

  async function jump(id) {
    const seg = state.byId.get(id);
    if (seg) { select(state.segs.indexOf(seg)); return; }
    const ctx = await call("GET", "/segments/" + id + "?before=0&after=0");
    window.location.assign("/p/" + encodeURIComponent(project) + "/t/" + ctx.segment.transcript_id + "#s=" + id);
  }

  ui.addForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const [code, memo, spans] = [ui.addCode.value, ui.addMemo.value, state.pendingSpans];
    closeForms();
    if (code) perform(() => add(code, memo, spans));
  });
  ui.addCode.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); ui.addForm.requestSubmit(); } });
  ui.memoForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const [target, text] = [state.memoFor, ui.memoText.value];
    closeForms();
    perform(() => saveMemo(target, text));
  });
  ui.jumpForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const id = Number(ui.jumpId.value);
    closeForms();
    if (id > 0) perform(() => jump(id)); else say(t("A segment id is a whole number."), true);
  });
  document.querySelectorAll("#wb form.dialog .cancel").forEach((b) => b.addEventListener("click", closeForms));

  // --- filters and search -----------------------------------------------------------
  function showResults(items, total, snippets) {
    ui.resultsCount.textContent = t("{n} of {total} segments", { n: items.length, total });
    ui.results.replaceChildren(...items.map((item, i) => {
      const seg = item.segment || item;
      const li = el("li");
      const a = el("a", "", seg.transcript_title + " #" + seg.id);
      a.href = "/p/" + encodeURIComponent(project) + "/t/" + seg.transcript_id + "#s=" + seg.id;
      const text = el("span", "snip");
      if (snippets) snippets[i].forEach((f) => text.append(f.match ? el("mark", "hit", f.text) : document.createTextNode(f.text)));
      else text.textContent = seg.speaker + ": " + seg.text.slice(0, 140);
      li.append(a, " ", text);
      return li;
    }));
  }

  async function filter() {
    const form = ui.filter.elements;
    const params = new URLSearchParams();
    ["transcript_id", "region", "group", "language", "status"].forEach((k) => { if (form[k].value) params.set(k, form[k].value); });
    let codes = form.code_id.value ? [form.code_id.value] : [null];
    if (form.code_id.value && form.subcodes.checked) codes = subtree(form.code_id.value);
    const found = new Map();
    let total = 0;
    for (const code of codes) {
      const q = new URLSearchParams(params);
      if (code) q.set("code_id", code);
      q.set("limit", "500");
      const page = await call("GET", "/segments?" + q.toString());
      total += page.total;
      page.items.forEach((s) => found.set(s.id, s));
    }
    let items = Array.from(found.values()).sort((a, b) => a.id - b.id);
    if (form.flagged.checked) { items = items.filter((s) => state.flags.has(s.id)); total = items.length; }
    state.terms = [];
    showResults(items.slice(0, 200), codes.length > 1 ? found.size : total, null);
  }

  function subtree(id) {
    const out = [id];
    (state.children.get(id) || []).forEach((child) => out.push(...subtree(child)));
    return out;
  }

  async function search(q) {
    const page = await call("GET", "/search?limit=100&q=" + encodeURIComponent(q));
    state.terms = q.split(/\s+/).filter((w) => w.length > 1);
    showResults(page.items, page.total, page.items.map((i) => i.snippet));
    drawDocument();
  }

  ui.filter.addEventListener("submit", (ev) => { ev.preventDefault(); perform(filter); });
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = $("search-q").value.trim();
    if (q) perform(() => search(q));
  });
  $("doc-pick").addEventListener("change", (ev) => { window.location.assign("/p/" + encodeURIComponent(project) + "/t/" + ev.target.value); });

  // --- buttons and keys -------------------------------------------------------------
  const toggleDef = () => {
    ui.def.hidden = !ui.def.hidden;
    $("btn-def").setAttribute("aria-expanded", ui.def.hidden ? "false" : "true");
  };
  const openJump = () => { ui.jumpId.value = ""; ui.jumpForm.hidden = false; ui.jumpId.focus(); };
  const clicks = {
    "btn-prev": () => perform(async () => step(-1, true)), "btn-next": () => perform(async () => step(1, true)),
    "btn-undo": () => perform(undo), "btn-redo": () => perform(redo), "btn-jump": openJump,
    "btn-help": () => { ui.help.hidden = !ui.help.hidden; }, "btn-add": openAdd,
    "btn-memo": () => askMemo({ kind: "segment" }), "btn-flag": () => perform(toggleFlag), "btn-def": toggleDef,
    "btn-doc-memo": () => askMemo({ kind: "transcript" }), "btn-code-memo": () => askMemo({ kind: "code" }),
  };
  Object.entries(clicks).forEach(([id, fn]) => $(id).addEventListener("click", fn));

  const KEYS = {
    n: () => perform(async () => step(1, true)), p: () => perform(async () => step(-1, true)),
    ArrowDown: () => perform(async () => step(1, false)), ArrowUp: () => perform(async () => step(-1, false)),
    j: () => pick(state.codeIdx + 1), k: () => pick(state.codeIdx - 1),
    a: () => { if (canCode) perform(() => decide("accept", "")); }, A: () => askMemo({ kind: "accept" }),
    r: () => { if (canCode) askMemo({ kind: "reject" }); }, c: openAdd, d: toggleDef,
    m: () => askMemo({ kind: "segment" }), f: () => perform(toggleFlag), u: () => perform(undo), U: () => perform(redo),
    g: openJump, "/": () => $("search-q").focus(), "?": () => { ui.help.hidden = !ui.help.hidden; },
    Escape: () => { ui.help.hidden = true; },
  };

  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
    const target = ev.target;
    if (target instanceof Element && target.closest("input, select, textarea, [contenteditable]")) {
      if (ev.key === "Escape" && target.closest("form.dialog")) { ev.preventDefault(); closeForms(); }
      return; // typing: no shortcuts
    }
    if (ev.shiftKey && (ev.key === "ArrowRight" || ev.key === "ArrowLeft")) {
      ev.preventDefault();
      extend(ev.key === "ArrowRight" ? 1 : -1);
      return;
    }
    const seg = target instanceof Element ? target.closest("li.seg") : null;
    if (ev.key === "Enter" && seg) { ev.preventDefault(); select(state.segs.indexOf(state.byId.get(Number(seg.dataset.segmentId)))); return; }
    if (target instanceof Element && target.closest("a, button") && ev.key === "Enter") return;
    const handler = KEYS[ev.key];
    if (!handler) return;
    ev.preventDefault();
    handler();
  });

  ui.segments.addEventListener("click", (ev) => {
    const li = ev.target instanceof Element ? ev.target.closest("li.seg") : null;
    if (!li) return;
    const index = state.segs.indexOf(state.byId.get(Number(li.dataset.segmentId)));
    const sel = window.getSelection();
    if (index !== state.cur) {
      const keep = sel && !sel.isCollapsed ? sel.getRangeAt(0).cloneRange() : null;
      select(index, !keep);
      if (keep) { sel.removeAllRanges(); sel.addRange(keep); }
    }
  });

  const linked = () => { const m = /^#s=(\d+)$/.exec(window.location.hash); return m ? Number(m[1]) : null; };
  window.addEventListener("hashchange", () => {
    const id = linked();
    if (id !== null && state.byId.has(id) && !(current() && current().id === id)) select(state.segs.indexOf(state.byId.get(id)));
  });

  async function start() {
    state.has = await window.QC.features();
    await Promise.all([loadCodebook(), loadFacets(), loadFlags()]);
    await loadDocument();
    state.byId = new Map(state.segs.map((s) => [s.id, s]));
    drawDocument();
    await refreshProgress();
    const wanted = linked();
    const first = state.segs.findIndex(open);
    if (wanted !== null && state.byId.has(wanted)) select(state.segs.indexOf(state.byId.get(wanted)));
    else if (state.segs.length) select(first >= 0 ? first : 0);
    if (state.has.has("/memos")) {
      const memos = await call("GET", "/memos?target=transcript&target_id=" + tid);
      ui.docMemos.textContent = memos.length ? t("{n} memo(s)", { n: memos.length }) + ": " + memos.map((m) => m.text).join(" · ") : "";
    }
  }

  perform(start);
})();
