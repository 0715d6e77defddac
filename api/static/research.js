// The researchers' pages: upload with job progress, redaction review, members.
// Every action goes through the JSON API with the page's CSRF header (qc.js); messages are
// shown in the page's live region, never as alerts.
(function () {
  "use strict";
  const t = window.t || function (s) { return s; };

  // the request (cookie and CSRF header) from qc.js; a refusal as its message and hint
  async function call(method, path, body) {
    const answer = await window.QC.request(method, path, body);
    const response = answer.response;
    const data = answer.data || {};
    if (!response.ok) {
      const text = [data.message, data.hint].filter(Boolean).join(" ");
      throw new Error(text || t("The server refused the request."));
    }
    return data;
  }

  function say(id, text, isError) {
    const el = document.getElementById(id);
    if (!el) return;
    el.textContent = text;
    el.classList.toggle("error", Boolean(isError));
  }

  // upload ---------------------------------------------------------------------------
  const form = document.getElementById("upload-form");
  if (form) {
    const api = "/api/projects/" + encodeURIComponent(form.dataset.project);
    const bar = document.getElementById("up-progress");
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      const file = document.getElementById("up-file").files[0];
      if (!file) { say("up-message", t("Choose a file first."), true); return; }
      const meta = {};
      for (const field of ["title", "region", "district", "date", "group", "language"]) {
        const value = document.getElementById("up-" + field).value.trim();
        if (value) meta[field] = value;
      }
      const people = document.getElementById("up-participants").value
        .split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
      const body = new FormData();
      body.append("file", file);
      body.append("metadata", JSON.stringify(meta));
      body.append("participants", JSON.stringify(people));
      say("up-message", t("Uploading…"));
      try {
        const job = await call("POST", api + "/transcripts", body);
        form.reset();
        follow(api, job.job);
      } catch (err) {
        say("up-message", err.message, true);
      }
    });

    async function follow(apiBase, jobId) {
      bar.hidden = false;
      for (;;) {
        let job;
        try {
          job = await call("GET", apiBase + "/jobs/" + jobId);
        } catch (err) {
          say("up-message", err.message, true);
          return;
        }
        bar.value = job.progress || 0;
        const step = job.stage ? job.stage + (job.total ? " " + job.done + " / " + job.total : "") : "";
        const parts = [t("Job") + " " + jobId + ":", t(job.state), step, job.message || ""];
        say("up-message", parts.filter(Boolean).join(" "), job.state === "failed");
        if (job.state === "done" || job.state === "failed") {
          if (job.error) say("up-message", t("Failed:") + " " + job.error, true);
          return;
        }
        await new Promise(function (resolve) { setTimeout(resolve, 1000); });
      }
    }
  }

  // redactions -------------------------------------------------------------------------
  const table = document.getElementById("redactions");
  if (table) {
    const base = "/api/projects/" + encodeURIComponent(table.dataset.project) +
      "/transcripts/" + encodeURIComponent(table.dataset.transcript) + "/redactions";
    table.addEventListener("submit", async function (event) {
      const release = event.target.closest("form.release");
      if (!release) return;
      event.preventDefault();
      const original = release.querySelector("input").value;
      const pseudonym = release.dataset.pseudonym;
      try {
        const change = await call("POST", base + "/" + encodeURIComponent(pseudonym) + "/release", { original: original });
        say("red-message", t("Released") + " " + change.pseudonym + ": " + change.count + " " + t("occurrence(s) restored."));
        setTimeout(function () { window.location.reload(); }, 600);
      } catch (err) {
        say("red-message", err.message, true);
      }
    });
    const add = document.getElementById("add-redaction");
    add.addEventListener("submit", async function (event) {
      event.preventDefault();
      const text = document.getElementById("add-text").value;
      const kind = document.getElementById("add-kind").value;
      try {
        const change = await call("POST", base, { text: text, kind: kind });
        add.reset();
        say("red-message", t("Redacted") + " " + change.count + " " + t("occurrence(s) as") + " " + change.pseudonym + ".");
        setTimeout(function () { window.location.reload(); }, 600);
      } catch (err) {
        say("red-message", err.message, true);
      }
    });
  }

  // members ----------------------------------------------------------------------------
  const members = document.getElementById("members");
  if (members) {
    const base = "/api/projects/" + encodeURIComponent(members.dataset.project) + "/members";
    document.getElementById("add-member").addEventListener("submit", async function (event) {
      event.preventDefault();
      const name = document.getElementById("member-name").value.trim();
      try {
        await call("POST", base, { user: name });
        window.location.reload();
      } catch (err) {
        say("mem-message", err.message, true);
      }
    });
    members.addEventListener("click", async function (event) {
      const button = event.target.closest("button.remove-member");
      if (!button) return;
      try {
        await call("DELETE", base + "/" + encodeURIComponent(button.dataset.user));
        window.location.reload();
      } catch (err) {
        say("mem-message", err.message, true);
      }
    });
  }
})();
