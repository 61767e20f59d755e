// Host page behaviour: switching user or theme reloads the page as that user or in that theme.
document.querySelectorAll('[data-autosubmit]').forEach(function (select) {
  select.addEventListener('change', function () {
    select.form.submit();
  });
});

// Messages from the app frame: its height, and its router (`router.open`, `router.navigate`, `router.reload`):
// the host has already resolved and allowed the location; the page still only follows its own frame and only
// stays on its own origin.
window.addEventListener('message', function (event) {
  var frame = document.getElementById('app-frame');
  var message = event.data;
  if (!frame || event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
  if (!message || message.forgeHost !== true) return;
  // The frame reports its page's height (bridge.js): like Jira, grow or shrink the frame to fit it.
  if (typeof message.frameHeight === 'number') {
    if (message.frameHeight >= 0 && message.frameHeight < 1e6) frame.style.height = message.frameHeight + 'px';
    return;
  }
  // The app's history (bridge.js): show its location under the module's own address, keeping the host's own
  // parameters out of it; a "go" moves through the page's history, whose back and forward the frame then hears.
  if (typeof message.history === 'string') {
    var base = frame.getAttribute('data-app-base');
    if (!base) return;
    if (message.history === 'GO') {
      if (typeof message.delta === 'number') window.history.go(message.delta);
      return;
    }
    var appUrl = new URL(String(message.path), window.location.origin);
    if (appUrl.origin !== window.location.origin) return;
    var address = base + (appUrl.pathname === '/' ? '' : appUrl.pathname) + appUrl.search + appUrl.hash;
    if (message.history === 'PUSH') window.history.pushState(null, '', address);
    else if (message.history === 'REPLACE') window.history.replaceState(null, '', address);
    return;
  }
  if (message.reload) {
    window.location.reload();
    return;
  }
  var target = new URL(String(message.url), window.location.href);
  if (target.origin !== window.location.origin) return;
  if (message.navigate === 'new-tab') window.open(target.href, '_blank', 'noopener');
  else if (message.navigate === 'same-tab') window.location.assign(target.href);
});

// Back and forward within the app's addresses: tell the frame where the page now is, as Jira's history does.
window.addEventListener('popstate', function () {
  var frame = document.getElementById('app-frame');
  var base = frame && frame.getAttribute('data-app-base');
  if (!base || window.location.pathname.indexOf(base) !== 0) return;
  var rest = window.location.pathname.slice(base.length);
  var location = { pathname: rest === '' ? '/' : rest, search: window.location.search, hash: window.location.hash };
  frame.contentWindow.postMessage({ forgeHistory: location }, window.location.origin);
});
