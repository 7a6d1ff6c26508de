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

// The way to the page's PO/XLIFF file page (sitewide.translation.file_views) joins the editor's
// own PO download and upload, on a line under them, once the editor has drawn them (left where
// the template puts it, it sat above the editor's header).
const placeTranslationFilesLink = () => {
  const link = document.querySelector("[data-translation-files-link]");
  if (!link) return;
  const place = () => {
    const download = document.querySelector(".js-translation-editor a[href*='/pofile/download/']");
    const panel = download && download.closest(".w-tabs__panel");
    if (!panel || panel.parentElement.nextElementSibling === link) return;
    panel.parentElement.after(link);
    link.hidden = false;
  };
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
  place();
};
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", placeTranslationFilesLink);
} else {
  placeTranslationFilesLink();
}
