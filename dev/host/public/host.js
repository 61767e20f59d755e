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
  if (message.reload) {
    window.location.reload();
    return;
  }
  var target = new URL(String(message.url), window.location.href);
  if (target.origin !== window.location.origin) return;
  if (message.navigate === 'new-tab') window.open(target.href, '_blank', 'noopener');
  else if (message.navigate === 'same-tab') window.location.assign(target.href);
});
