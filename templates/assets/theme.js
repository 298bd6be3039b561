// Runs in <head>, before the first paint: the theme the reader chose with the theme switch.
(function () {
  try {
    var theme = localStorage.getItem('statusbook.theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  } catch (e) {}
})();
