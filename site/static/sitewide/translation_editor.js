// wagtail-localize's editor writes its heading in English whatever the admin's language
// ("Nederlands to Engels translation"). The page carries the heading as wagtail-localize writes it
// and in the admin's language (site/templates/wagtail_localize/admin/edit_translation.html);
// this swaps the one for the other wherever and whenever the editor draws it.
const swapTranslationHeading = () => {
  const marker = document.querySelector("[data-translation-heading]");
  if (!marker) return;
  const { from, to } = marker.dataset;
  const swap = () => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue.trim() === from) node.nodeValue = to;
    }
  };
  new MutationObserver(swap).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  swap();
};
// The admin loads this script in the page's head: the page is read first.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", swapTranslationHeading);
} else {
  swapTranslationHeading();
}
