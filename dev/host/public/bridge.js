// The Custom UI bridge of the local platform. Forge's host page provides `globalThis.__bridge` to every app
// frame; @forge/bridge calls `__bridge.callBridge(method, payload)`. Here each call is answered by the local
// host over HTTP, as the user the host page was opened for. The frame is identified by its URL.
(function () {
  'use strict';
  var frameId = window.location.pathname.split('/')[2];

  function call(method, payload) {
    return fetch('/__forge/bridge/' + encodeURIComponent(frameId), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: method, payload: payload === undefined ? null : payload }),
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        if (!answer.ok) throw new Error(answer.message);
        return answer.value;
      });
  }

  // Forge marks the frame's <html> with the colour mode; the app ships the token themes' CSS itself.
  function enableTheming() {
    return call('getContext').then(function (context) {
      var mode = (context && context.theme && context.theme.colorMode) || 'light';
      var root = document.documentElement;
      root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape motion:motion');
      root.setAttribute('data-color-mode', mode);
      return true;
    });
  }

  // The host page, not the frame, goes where the app asked, as Jira's page does for its frames: the local
  // host resolves and checks the location, then this tells the page around the frame where to go.
  function askHostPage(message) {
    window.parent.postMessage(Object.assign({ forgeHost: true }, message), window.location.origin);
  }

  function navigate(location) {
    return call('navigate', location).then(function (resolved) {
      askHostPage({ navigate: resolved.type, url: resolved.url });
    });
  }

  var local = {
    enableTheming: enableTheming,
    navigate: navigate,
    reload: function () {
      askHostPage({ reload: true });
      return Promise.resolve();
    },
    // Rate limiting and history are the host's concern on Forge; the local host keeps them trivial.
    getFrameId: function () {
      return Promise.resolve(frameId);
    },
    emitReadyEvent: function () {
      return Promise.resolve();
    },
  };

  // Jira grows an app's frame to the height of the page inside it: report the page's height whenever it
  // changes, and the page around the frame (host.js) sizes the frame to it. The height is where the lowest
  // element in the body ends (the app's root, or a menu it opened): not the body's or the document's own
  // height, which a stylesheet may tie to the frame's height (`height: 100%`), so they could never shrink.
  var reportedHeight = -1;
  function reportHeight() {
    var bottom = 0;
    var children = document.body.children;
    for (var i = 0; i < children.length; i++) {
      var box = children[i].getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      bottom = Math.max(bottom, box.bottom + window.scrollY + parseFloat(window.getComputedStyle(children[i]).marginBottom));
    }
    var height = Math.ceil(bottom);
    if (height === reportedHeight) return;
    reportedHeight = height;
    askHostPage({ frameHeight: height });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var resizes = new ResizeObserver(reportHeight);
    Array.prototype.forEach.call(document.body.children, function (child) {
      resizes.observe(child);
    });
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === Node.ELEMENT_NODE) resizes.observe(node);
        });
      });
      reportHeight();
    }).observe(document.body, { childList: true });
    reportHeight();
  });

  globalThis.__bridge = {
    callBridge: function (method, payload) {
      if (local[method]) return local[method](payload);
      return call(method, payload);
    },
  };
})();
