import type { SimulatedService } from '../runtime/product-target';
import type { DemoGitHub } from './demo-github';

/**
 * The local host's control API for the simulated GitHub (under `/__github/`), for developers and browser
 * tests: which demo tokens exist and what each is for, what the app asked GitHub, and revoking a token.
 * The demo tokens are fakes that only this simulation accepts.
 */
export function githubControl(demo: DemoGitHub): SimulatedService {
  const json = (status: number, value: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
  return {
    handle({ method, path, body }) {
      const { pathname } = new URL(path, 'http://local');
      if (method === 'GET' && pathname === '/__github/tokens') return json(200, demo.tokens);
      if (method === 'GET' && pathname === '/__github/requests') return json(200, demo.github.requests());
      if (method === 'POST' && pathname === '/__github/tokens/revoke') {
        const token = (JSON.parse(body ?? '{}') as { token?: unknown }).token;
        if (typeof token !== 'string') return json(400, { error: 'give {"token": "…"}' });
        demo.github.revokeToken(token);
        return json(200, { revoked: true });
      }
      return json(404, { error: `No control route ${method} ${pathname}` });
    },
  };
}
