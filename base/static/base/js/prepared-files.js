// Prepared files: while a file is being made, ask every few seconds how far it has come and
// change its row in place (no reload, so focus and the reading position stay where they
// are). Only a file becoming ready or failing is said aloud, through the polite status
// region; the changing numbers are not, or a screen reader would talk over everything else.
{
  const table = document.querySelector("[data-prepared-files]");
  const news = document.querySelector("[data-prepared-files-news]");
  const unfinished = (row) => ["waiting", "working"].includes(row.dataset.state);

  const show = (file, told) => {
    const row = table.querySelector(`tr[data-file="${file.id}"]`);
    if (!row) {
      return;
    }
    const status = row.querySelector("[data-file-status]");
    if (status.textContent !== file.status) {
      status.textContent = file.status;
    }
    if (row.dataset.state !== file.state) {
      row.dataset.state = file.state;
      if (file.action !== undefined) {
        // Rendered by the server from the same template as the page itself.
        row.querySelector("[data-file-action]").innerHTML = file.action;
      }
      if (file.news) {
        told.push(file.news);
      }
    }
  };

  const poll = (seconds) => {
    window.setTimeout(async () => {
      let answer;
      try {
        const response = await fetch(table.dataset.statesUrl, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        });
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        answer = await response.json();
      } catch {
        // The server is busy or the network is down: ask less often.
        poll(Math.min(seconds * 2, 60));
        return;
      }
      const told = [];
      answer.files.forEach((file) => show(file, told));
      if (told.length) {
        news.textContent = told.join(" ");
      }
      if (answer.unfinished) {
        poll(every);
      }
    }, seconds * 1000);
  };

  const every = table ? Number(table.dataset.pollSeconds) || 3 : 0;
  if (table && news && [...table.querySelectorAll("tr[data-file]")].some(unfinished)) {
    poll(every);
  }
}
