/* A teller's card (stories/teller/admin_card.html): a button that prints it, shown only where
   this script runs. */
(function () {
  var button = document.querySelector("[data-print]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
