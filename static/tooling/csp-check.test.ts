import { findCspViolations } from './csp-check';

describe('findCspViolations', () => {
  it('accepts module scripts and stylesheets loaded from files', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="./assets/index-abc.js"></script>
      <link rel="stylesheet" crossorigin href="./assets/index-abc.css">
      </head><body><div id="root"></div></body></html>`;
    expect(findCspViolations(html)).toEqual([]);
  });

  it('reports inline script code', () => {
    expect(findCspViolations('<script>window.x = 1</script>')).toMatchObject([{ rule: 'inline-script' }]);
    expect(findCspViolations('<script type="module">import "./a.js"</script>')).toMatchObject([{ rule: 'inline-script' }]);
  });

  it('reports a script tag with neither code nor source', () => {
    expect(findCspViolations('<script type="module"></script>')).toMatchObject([{ rule: 'script-without-src' }]);
  });

  it('reports scripts from other origins', () => {
    expect(findCspViolations('<script src="https://cdn.example/x.js"></script>')).toMatchObject([{ rule: 'remote-script' }]);
    expect(findCspViolations('<script src="//cdn.example/x.js"></script>')).toMatchObject([{ rule: 'remote-script' }]);
  });

  it('reports inline event handlers and javascript: URLs', () => {
    expect(findCspViolations('<body onload="start()"><a href="javascript:go()">x</a></body>')).toMatchObject([
      { rule: 'inline-event-handler' },
      { rule: 'javascript-url' },
    ]);
  });
});
