// A form that came back with errors: take the reader to its error summary first, so screen
// reader and keyboard users learn what to correct; each of its links then puts the cursor in
// its field (a plain fragment link would only scroll there).
const summary = document.querySelector("[data-error-summary]");
if (summary) {
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const field = link && document.getElementById(link.hash.slice(1));
    if (field) {
      event.preventDefault();
      field.focus();
      field.scrollIntoView({ block: "center" });
    }
  });
}
