// The coder's review page: one segment at a time, driven from the keyboard.
// Talks to the JSON API with the sign-in cookie (same origin) and the CSRF header.
// All data goes into the page with textContent, never as HTML.
"use strict";

(() => {
  const root = document.getElementById("review");
  if (!root) return;
  const project = root.dataset.project;
  const me = root.dataset.user;
  const { ApiError, el } = window.QC;
  const call = window.QC.client(project); // the JSON API with the cookie and CSRF header
  const $ = (id) => document.getElementById(id);
  const ui = {
    message: $("message"), progressText: $("progress-text"), progress: $("progress"),
    segment: $("segment"), title: $("seg-title"), meta: $("seg-meta"), context: $("context"),
    panel: $("codes-panel"), codes: $("codes"), noCodes: $("no-codes"),
    addForm: $("add-form"), addCode: $("add-code"), addMemo: $("add-memo"), help: $("help"),
  };
  const QUEUE_SIZE = 50;
  const CONTEXT_TURNS = 3;

  const state = {
    history: [],   // segment ids shown, in order; `pos` is the one on screen
    pos: -1,
    segment: null, // the current segment row (from /segments/{id})
    selected: 0,   // index into segment.codes
    undo: [],      // this page's decisions, newest last: {id, segment_id, code_id, action}
    labels: new Map(),
  };

  // One action at a time, in the order the keys were pressed.
  let chain = Promise.resolve();
  let pending = 0;
  function perform(action) {
    pending += 1;
    root.dataset.busy = "1";
    chain = chain
      .then(action)
      .catch((err) => say(err instanceof Error ? err.message : String(err), true))
      .finally(() => {
        pending -= 1;
        if (pending === 0) root.dataset.busy = "0";
      });
    return chain;
  }

  // --- drawing ----------------------------------------------------------------------
  function say(text, isError) {
    ui.message.textContent = text || "";
    ui.message.classList.toggle("error", Boolean(isError));
  }

  function showProgress(progress) {
    if (!progress) return;
    const decided = Number(progress.decided) || 0;
    const total = Number(progress.total) || 0;
    ui.progressText.textContent = decided + " / " + total + " segments decided";
    ui.progress.max = Math.max(total, 1);
    ui.progress.value = decided;
  }

  function turn(row, current) {
    const li = el("li", current ? "current" : "");
    li.dataset.segmentId = String(row.id);
    if (current) li.setAttribute("aria-current", "true");
    li.append(el("span", "speaker", row.speaker + ":"), el("span", "text", row.text));
    if (row.language && row.language !== "und") {
      const badge = el("span", "lang", row.language);
      badge.title = "language of this segment (detected)";
      li.append(badge);
    }
    return li;
  }

  function drawSegment(ctx) {
    const seg = ctx.segment;
    ui.segment.hidden = false;
    ui.panel.hidden = false;
    ui.segment.dataset.segmentId = String(seg.id);
    ui.title.textContent = seg.transcript_title;
    const where = ["segment " + seg.id, "turn " + (seg.turn_index + 1)];
    if (seg.topic_label) where.push("topic: " + seg.topic_label);
    const at = state.pos + 1;
    ui.meta.textContent = where.join(" · ") + " — " + at + " of " + state.history.length + " seen";
    ui.context.replaceChildren(
      ...ctx.before.map((r) => turn(r, false)),
      turn(seg, true),
      ...ctx.after.map((r) => turn(r, false)),
    );
    drawCodes();
    window.history.replaceState(null, "", "#s=" + seg.id);
    document.getElementById("in-document").href =
      "/p/" + encodeURIComponent(project) + "/t/" + seg.transcript_id + "#s=" + seg.id;
  }

  function drawCodes() {
    const codes = state.segment ? state.segment.codes : [];
    if (state.selected >= codes.length) state.selected = Math.max(codes.length - 1, 0);
    ui.noCodes.hidden = codes.length > 0;
    ui.codes.replaceChildren(...codes.map((code, i) => codeItem(code, i)));
    const chosen = ui.codes.children[state.selected];
    if (chosen) chosen.scrollIntoView({ block: "nearest" });
  }

  function codeItem(code, index) {
    const li = el("li", index === state.selected ? "selected" : "");
        li.setAttribute("aria-current", index === state.selected ? "true" : "false");
    li.dataset.codeId = code.code_id;
    li.dataset.status = code.status;
    const head = el("div", "head");
    head.append(
      el("span", "label", state.labels.get(code.code_id) || code.code_id),
      el("code", "", code.code_id),
      el("span", "score", code.score === null ? "added by a coder" : "score " + code.score.toFixed(2)),
      el("span", "status " + code.status, code.status),
    );
    const actions = el("span", "actions");
    const accept = el("button", "", "Accept");
    accept.type = "button";
    accept.title = "Accept (a)";
    accept.addEventListener("click", (ev) => { ev.stopPropagation(); select(index); perform(() => decide("accept")); });
    const reject = el("button", "", "Reject");
    reject.type = "button";
    reject.title = "Reject (r)";
    reject.addEventListener("click", (ev) => { ev.stopPropagation(); select(index); perform(() => decide("reject")); });
    actions.append(accept, reject);
    head.append(actions);
    li.append(head);
    if (code.evidence && code.evidence.length) {
      const ul = el("ul", "evidence");
      code.evidence.forEach((line) => ul.append(el("li", "", line)));
      li.append(ul);
    }
    if (code.decided_by) {
      let text = code.status + " by " + code.decided_by;
      if (code.decided_at) text += " at " + code.decided_at.slice(0, 16).replace("T", " ");
      if (code.memo) text += " — memo: " + code.memo;
      li.append(el("p", "decided", text));
    }
    li.addEventListener("click", () => select(index));
    return li;
  }

  function select(index) {
    const codes = state.segment ? state.segment.codes : [];
    if (!codes.length) return;
    state.selected = Math.min(Math.max(index, 0), codes.length - 1);
    Array.from(ui.codes.children).forEach((li, i) => {
      li.classList.toggle("selected", i === state.selected);
      li.setAttribute("aria-current", i === state.selected ? "true" : "false");
    });
    const chosen = ui.codes.children[state.selected];
    if (chosen) chosen.scrollIntoView({ block: "nearest" });
  }

  // --- actions ----------------------------------------------------------------------
  async function load(keepSelection) {
    const id = state.history[state.pos];
    const ctx = await call("GET", "/segments/" + id + "?before=" + CONTEXT_TURNS + "&after=" + CONTEXT_TURNS);
    const same = state.segment && state.segment.id === ctx.segment.id;
    state.segment = ctx.segment;
    if (!(keepSelection && same)) state.selected = 0;
    drawSegment(ctx);
  }

  async function refreshProgress() {
    showProgress(await call("GET", "/queue/progress"));
  }

  async function next() {
    if (state.pos < state.history.length - 1) {
      state.pos += 1;
      say("");
      return load(false);
    }
    const q = await call("GET", "/queue?limit=" + QUEUE_SIZE);
    showProgress(q.progress);
    const seen = new Set(state.history);
    const item = (q.items || []).find((row) => !seen.has(row.id));
    if (!item) {
      say(state.history.length ? "No more segments in your queue." : "Your queue is empty: every segment has been decided.");
      return undefined;
    }
    state.history.push(item.id);
    state.pos = state.history.length - 1;
    say("");
    return load(false);
  }

  async function previous() {
    if (state.pos <= 0) {
      say("This is the first segment you opened here.");
      return undefined;
    }
    state.pos -= 1;
    say("");
    return load(false);
  }

  function selectedCode() {
    const codes = state.segment ? state.segment.codes : [];
    return codes[state.selected] || null;
  }

  async function decide(action) {
    const code = selectedCode();
    if (!code) {
      say("No code is selected. Press c to add one.", true);
      return;
    }
    const done = action === "accept" ? "accepted" : "rejected";
    if (code.status === done && code.decided_by === me) {
      say("You have already " + done + " this code here.");
      return;
    }
    const segmentId = state.segment.id;
    const made = await call("POST", "/segments/" + segmentId + "/decisions", { code_id: code.code_id, action });
    state.undo.push({ id: made.id, segment_id: segmentId, code_id: code.code_id, action });
    say((action === "accept" ? "Accepted " : "Rejected ") + (state.labels.get(code.code_id) || code.code_id) + ".");
    await load(true);
    await refreshProgress();
  }

  async function add(codeId, memo) {
    if (!state.segment) return;
    const segmentId = state.segment.id;
    const made = await call("POST", "/segments/" + segmentId + "/decisions", { code_id: codeId, action: "add", memo });
    state.undo.push({ id: made.id, segment_id: segmentId, code_id: codeId, action: "add" });
    say("Added " + (state.labels.get(codeId) || codeId) + ".");
    await load(true);
    const index = state.segment.codes.findIndex((c) => c.code_id === codeId);
    if (index >= 0) select(index);
    await refreshProgress();
  }

  async function undo() {
    const last = state.undo[state.undo.length - 1];
    if (!last) {
      say("Nothing to undo: you have made no decision on this page yet.");
      return;
    }
    try {
      await call("POST", "/decisions/" + last.id + "/undo");
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 409)) state.undo.pop();
      throw err; // already undone (or gone): drop it, and say so
    }
    state.undo.pop();
    say("Undid " + last.action + " of " + (state.labels.get(last.code_id) || last.code_id) + ".");
    const at = state.history.lastIndexOf(last.segment_id);
    if (at >= 0) state.pos = at;
    await load(at >= 0 && state.segment && state.segment.id === last.segment_id);
    const index = state.segment.codes.findIndex((c) => c.code_id === last.code_id);
    if (index >= 0) select(index);
    await refreshProgress();
  }

  // --- the add-a-code form and help -------------------------------------------------
  function openAdd() {
    if (!state.segment) return;
    ui.addForm.hidden = false;
    ui.addMemo.value = "";
    ui.addCode.focus();
  }

  function closeAdd() {
    ui.addForm.hidden = true;
    ui.addCode.blur();
    ui.addMemo.blur();
  }

  ui.addForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const codeId = ui.addCode.value;
    const memo = ui.addMemo.value;
    closeAdd();
    if (codeId) perform(() => add(codeId, memo));
  });
  ui.addCode.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { ev.preventDefault(); ui.addForm.requestSubmit(); }
  });
  $("add-cancel").addEventListener("click", closeAdd);
  $("btn-prev").addEventListener("click", () => perform(previous));
  $("btn-next").addEventListener("click", () => perform(next));
  $("btn-undo").addEventListener("click", () => perform(undo));
  $("btn-help").addEventListener("click", () => { ui.help.hidden = !ui.help.hidden; });

  // --- keys ---------------------------------------------------------------------------
  const KEYS = {
    a: () => perform(() => decide("accept")),
    r: () => perform(() => decide("reject")),
    j: () => perform(async () => select(state.selected + 1)),
    ArrowDown: () => perform(async () => select(state.selected + 1)),
    k: () => perform(async () => select(state.selected - 1)),
    ArrowUp: () => perform(async () => select(state.selected - 1)),
    n: () => perform(next),
    p: () => perform(previous),
    c: () => perform(async () => openAdd()),
    u: () => perform(undo),
    "?": () => { ui.help.hidden = !ui.help.hidden; },
    Escape: () => { ui.help.hidden = true; },
  };

  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
    const target = ev.target;
    if (target instanceof Element && target.closest("input, select, textarea, [contenteditable]")) {
      if (ev.key === "Escape") { ev.preventDefault(); closeAdd(); }
      return; // typing in the form: no shortcuts
    }
    const handler = KEYS[ev.key];
    if (!handler) return;
    ev.preventDefault();
    handler();
  });

  // --- start ------------------------------------------------------------------------
  async function start() {
    const codebook = await call("GET", "/codebook");
    const options = [];
    codebook.forEach((state_) => {
      const code = state_.code;
      state.labels.set(code.id, code.label);
      const option = el("option", "", code.label + " (" + code.id + ")");
      option.value = code.id;
      options.push(option);
    });
    ui.addCode.replaceChildren(...options);
    const wanted = linked();
    if (wanted !== null) {
      await open(wanted);
      await refreshProgress();
    } else {
      await next();
    }
  }

  // "#s=123": open that segment (on load, or when the address changes)
  function linked() {
    const found = /^#s=(\d+)$/.exec(window.location.hash);
    return found ? Number(found[1]) : null;
  }

  async function open(id) {
    const at = state.history.indexOf(id);
    if (at >= 0) {
      state.pos = at;
    } else {
      state.history.push(id);
      state.pos = state.history.length - 1;
    }
    say("");
    return load(false);
  }

  window.addEventListener("hashchange", () => {
    const id = linked();
    if (id !== null && !(state.segment && state.segment.id === id)) perform(() => open(id));
  });

  perform(start);
})();
