// Runs the Pagefind search UI on /search/ and starts the query the header form sent as ?q=.
(function () {
  'use strict';
  var box = document.getElementById('search');
  if (!box || typeof window.PagefindUI !== 'function') return;
  var ui = new window.PagefindUI({
    element: '#search',
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: box.dataset.placeholder, zero_results: box.dataset.zero },
  });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
