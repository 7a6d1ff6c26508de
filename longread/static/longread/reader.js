/* Reader enhancements. Everything works without this file; it only adds to it. */
(function () {
  "use strict";

  /* Quick exit (after GOV.UK's "Exit this page"): the link works on its own. Here we blank the
     page at once, replace this page in the history where the browser allows, and add Shift×3. */
  var exitLink = document.querySelector("[data-quick-exit-link]");
  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("lr-leaving");
    var target = exitLink ? exitLink.href : "https://www.buienradar.nl/";
    try { window.location.replace(target); } catch (e) { window.location.href = target; }
  }
  if (exitLink) {
    exitLink.addEventListener("click", leave);
    var shiftTimes = [];
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift" || event.repeat) return;
      var now = Date.now();
      shiftTimes = shiftTimes.filter(function (time) { return now - time < 1000; });
      shiftTimes.push(now);
      if (shiftTimes.length >= 3) leave();
    });
  }
})();
