import { readThemeCss } from './token-themes-plugin';

describe('readThemeCss', () => {
  const css = readThemeCss();

  it('holds the light and dark colour themes, keyed on the html theme attributes', () => {
    expect(css).toContain('html[data-color-mode="light"][data-theme~="light:light"]');
    expect(css).toContain('html[data-color-mode="dark"][data-theme~="dark:dark"]');
    expect(css).toMatch(/--ds-text:\s*#/);
  });

  it('holds the spacing and typography themes the components use', () => {
    expect(css).toContain('--ds-space-100');
    expect(css).toContain('--ds-font-body');
  });

  it('is plain CSS, not a module', () => {
    expect(css).not.toMatch(/export default|module\.exports/);
  });
});
