// The page's translations for scripts: window.QC_I18N (English text -> this language),
// from the JSON block the server renders into every page; t("English") looks one up.
(function () {
  "use strict";
  const block = document.getElementById("qc-i18n");
  let messages = {};
  try {
    messages = block ? JSON.parse(block.textContent || "{}") : {};
  } catch (err) {
    messages = {};
  }
  window.QC_I18N = messages;
  window.t = function (text) {
    return Object.prototype.hasOwnProperty.call(messages, text) ? messages[text] : text;
  };
})();
