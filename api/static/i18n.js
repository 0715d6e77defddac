// The page's translations for scripts: window.QC_I18N (English text -> this language),
// from the JSON block the server renders into every page (api/i18n.py).
// t("English text", {name: value}) looks the text up and fills {name} placeholders;
// values go in as text, never markup.
"use strict";

(function () {
  const block = document.getElementById("qc-i18n");
  let messages = {};
  try {
    messages = block ? JSON.parse(block.textContent || "{}") : {};
  } catch (err) {
    messages = {};
  }
  window.QC_I18N = messages;
})();

window.t = function t(text, values) {
  const table = window.QC_I18N || {};
  let out = Object.prototype.hasOwnProperty.call(table, text) ? table[text] : text;
  if (values) {
    out = out.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  }
  return out;
};
