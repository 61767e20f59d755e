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

  globalThis.__bridge = {
    callBridge: function (method, payload) {
      if (local[method]) return local[method](payload);
      return call(method, payload);
    },
  };
})();
