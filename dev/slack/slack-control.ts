import type { SimulatedService } from '../runtime/product-target';
import type { DemoSlack } from './demo-slack';

/**
 * The local host's control API for the simulated Slack (under `/__slack/`), for developers and browser
 * tests: the demo bot tokens, the messages the app posted, and inviting the bot to a channel or removing it.
 * The demo tokens are fakes that only this simulation accepts.
 */
export function slackControl(demo: DemoSlack): SimulatedService {
  const json = (status: number, value: unknown) => ({
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  });
  return {
    handle({ method, path }) {
      const url = new URL(path, 'http://local');
      if (method === 'GET' && url.pathname === '/__slack/tokens') return json(200, demo.tokens);
      if (method === 'GET' && url.pathname === '/__slack/messages')
        return json(200, demo.slack.messages(url.searchParams.get('channel') ?? undefined));
      const membership = /^\/__slack\/channels\/([A-Z0-9]+)\/(invite|remove)$/.exec(url.pathname);
      if (method === 'POST' && membership) {
        try {
          demo.slack.setBotMembership(membership[1]!, membership[2] === 'invite');
        } catch {
          return json(404, { error: `No channel ${membership[1]}` });
        }
        return json(200, { channel: membership[1], botIsMember: membership[2] === 'invite' });
      }
      return json(404, { error: `No control route ${method} ${url.pathname}` });
    },
  };
}
