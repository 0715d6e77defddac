// The interface language of the scripts: t("English text", {name: value}) looks the
// English text up in window.QC_I18N (a dict that a language catalog may fill; empty or
// absent: English) and fills {name} placeholders.  Values go in as text, never markup.
"use strict";

window.t = function t(text, values) {
  const table = window.QC_I18N || {};
  let out = Object.prototype.hasOwnProperty.call(table, text) ? table[text] : text;
  if (values) {
    out = out.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  }
  return out;
};
