/* A button marked data-lr-confirm asks its question before it submits (sitewide.staff.cancel_workflow). */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-lr-confirm]") : null;
    if (button && !window.confirm(button.getAttribute("data-lr-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();
