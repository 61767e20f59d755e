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

  // `view.createHistory()`: a history (v4 shape) of the app's part of the page's address. The host answers where
  // the page was opened; from then on the frame keeps the location, tells the page around it to show each new
  // address (as Jira's page does, so a copied link reproduces the view), and hears back and forward from it.
  var history = null;
  function createHistory() {
    if (history) return Promise.resolve(history);
    return call('createHistory').then(function (location) {
      var listeners = [];
      function parse(to) {
        if (typeof to !== 'string') {
          return { pathname: to.pathname || history.location.pathname, search: to.search || '', hash: to.hash || '', state: to.state };
        }
        var url = new URL(to, 'http://app' + history.location.pathname);
        return { pathname: url.pathname, search: url.search, hash: url.hash, state: undefined };
      }
      function go(action, to) {
        history.location = parse(to);
        history.action = action;
        askHostPage({ history: action, path: history.location.pathname + history.location.search + history.location.hash });
        notify(action);
      }
      function notify(action) {
        listeners.slice().forEach(function (listener) {
          listener(history.location, action);
        });
      }
      window.addEventListener('message', function (event) {
        var message = event.data;
        if (event.source !== window.parent || event.origin !== window.location.origin || !message || !message.forgeHistory) return;
        history.location = {
          pathname: String(message.forgeHistory.pathname),
          search: String(message.forgeHistory.search),
          hash: String(message.forgeHistory.hash),
          state: undefined,
        };
        history.action = 'POP';
        notify('POP');
      });
      history = {
        action: 'POP',
        location: { pathname: location.pathname, search: location.search, hash: location.hash, state: undefined },
        get length() {
          return window.parent.history.length;
        },
        push: function (to) {
          go('PUSH', to);
        },
        replace: function (to) {
          go('REPLACE', to);
        },
        go: function (delta) {
          askHostPage({ history: 'GO', delta: delta });
        },
        goBack: function () {
          askHostPage({ history: 'GO', delta: -1 });
        },
        goForward: function () {
          askHostPage({ history: 'GO', delta: 1 });
        },
        block: function () {
          return function () {};
        },
        listen: function (listener) {
          listeners.push(listener);
          return function () {
            listeners = listeners.filter(function (known) {
              return known !== listener;
            });
          };
        },
        createHref: function (to) {
          var where = typeof to === 'string' ? to : (to.pathname || '') + (to.search || '') + (to.hash || '');
          return where;
        },
      };
      return history;
    });
  }

  var local = {
    createHistory: createHistory,
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
