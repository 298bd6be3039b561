// The site's only script, and the site reads the same without it: the theme switch, copying
// a heading's link, remembering the language a reader picks (see docs/templates.md).
(function () {
  var THEME = 'statusbook.theme';
  var LOCALE = 'statusbook.locale';
  var root = document.documentElement;
  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) {}
  }

  var theme = document.querySelector('.theme');
  var select = theme && theme.querySelector('select');
  if (select) {
    select.value = root.getAttribute('data-theme') || 'auto';
    theme.hidden = false;
    select.addEventListener('change', function () {
      var value = select.value === 'light' || select.value === 'dark' ? select.value : null;
      if (value) root.setAttribute('data-theme', value);
      else root.removeAttribute('data-theme');
      store(THEME, value);
    });
  }

  var status = document.querySelector('[data-copied]');
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) return;
    // A heading's "#": the link is copied, and the browser goes to it as without a script.
    if (link.classList.contains('anchor') && navigator.clipboard) {
      if (status) status.textContent = '';
      navigator.clipboard.writeText(link.href).then(function () {
        if (status) status.textContent = status.getAttribute('data-copied');
      }, function () {});
    }
    if (link.hreflang && link.closest('[data-locale-choice]')) store(LOCALE, link.hreflang);
  });
})();
