// "Share": the phone's own share sheet (Web Share API) where there is one; elsewhere the
// button copies the address and says so in a live region. Without a script the button stays
// hidden and the address is in the browser's bar as always. No third-party script.
(function () {
  "use strict";
  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    var copied;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    document.body.removeChild(field);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithSelection(text);
      });
    }
    return copyWithSelection(text);
  }
  var boxes = document.querySelectorAll("[data-share]");
  Array.prototype.forEach.call(boxes, function (box) {
    var button = box.querySelector("[data-share-button]");
    var status = box.querySelector("[data-share-status]");
    if (!button || !status) { return; }
    // The page's canonical address: the same one search engines and link previews use.
    var canonical = document.querySelector("link[rel=canonical]");
    var url = canonical ? canonical.href : window.location.href;
    var title = box.getAttribute("data-share-title") || document.title;
    var canShare = typeof navigator.share === "function";
    if (!canShare) { button.textContent = box.getAttribute("data-copy-label"); }
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "";
      if (canShare) {
        navigator.share({ title: title, url: url }).catch(function () {
          // Closing the share sheet is a choice, not an error: say nothing.
        });
        return;
      }
      copy(url).then(function () {
        status.textContent = box.getAttribute("data-copied");
      }, function () {
        status.textContent = box.getAttribute("data-copy-failed") + " " + url;
      });
    });
  });
})();
