// Keeps the server-rendered countdowns current while the page stays open.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("[data-countdown]");
  Array.prototype.forEach.call(boxes, function (box) {
    var target = new Date(box.getAttribute("data-countdown")).getTime();
    var days = box.querySelector("[data-countdown-days]");
    var hours = box.querySelector("[data-countdown-hours]");
    if (!days || !hours || isNaN(target)) { return; }
    function update() {
      var left = Math.max(target - Date.now(), 0);
      days.textContent = String(Math.floor(left / 86400000));
      hours.textContent = String(Math.floor((left % 86400000) / 3600000));
    }
    update();
    window.setInterval(update, 60000);
  });
})();
