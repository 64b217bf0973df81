// A form that came back with errors: take the reader to its error summary first, so screen
// reader and keyboard users learn what to correct (the summary's links lead to each field).
const summary = document.querySelector("[data-error-summary]");
if (summary) {
  summary.focus();
}
