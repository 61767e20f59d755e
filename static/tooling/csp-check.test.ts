import { findCspViolations, findRemoteFetches } from './csp-check';

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

  it('reports stylesheets, icons and preloads from other origins, not those of the app', () => {
    expect(findCspViolations('<link rel="stylesheet" href="https://fonts.example/css?family=Inter">')).toMatchObject([
      { rule: 'remote-link' },
    ]);
    expect(findCspViolations("<link rel=icon href='//cdn.example/favicon.ico'>")).toMatchObject([{ rule: 'remote-link' }]);
    expect(findCspViolations('<link rel="modulepreload" href="HTTP://cdn.example/a.js">')).toMatchObject([{ rule: 'remote-link' }]);
    expect(findCspViolations('<link rel="stylesheet" href="./assets/a.css"><link rel="icon" href="/favicon.ico">')).toEqual([]);
  });

  it("reports images from other origins, in src or srcset, but not data: or the app's own", () => {
    expect(findCspViolations('<img src="https://tracker.example/pixel.gif">')).toMatchObject([{ rule: 'remote-image' }]);
    expect(findCspViolations('<img src="./a.png" srcset="./a.png 1x, https://cdn.example/a@2x.png 2x">')).toMatchObject([
      { rule: 'remote-image' },
    ]);
    expect(findCspViolations('<img src="data:image/png;base64,AAAA"><img src="./assets/logo.svg" alt="">')).toEqual([]);
  });

  it('reports fetch calls to other origins, in a page or a built script', () => {
    expect(findCspViolations('<script src="./a.js"></script><p>fetch("https://api.example/x")</p>')).toMatchObject([
      { rule: 'remote-fetch' },
    ]);
    expect(findRemoteFetches("const a=await fetch(`https://api.example/v1`);fetch('//x.example')")).toHaveLength(2);
    expect(findRemoteFetches('fetch("/__forge/bridge/"+id);fetch(url);fetch(`./data.json`)')).toEqual([]);
  });

  it('reports inline event handlers and javascript: URLs', () => {
    expect(findCspViolations('<body onload="start()"><a href="javascript:go()">x</a></body>')).toMatchObject([
      { rule: 'inline-event-handler' },
      { rule: 'javascript-url' },
    ]);
  });
});
