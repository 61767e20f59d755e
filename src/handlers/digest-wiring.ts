import type { SlackDigestPorts } from '../app/digest/slack-digest';
import type { SlackDigestRequestPorts } from '../app/digest/slack-digest-request';
import { appAdapters, type AppAdapters } from './composition-root';
import type { SettingsPorts } from './settings-wiring';

/** The adapters the digest runs on, for the weekly trigger and for an admin's "send digest now". */
export function slackDigestPorts(adapters: AppAdapters = appAdapters()) {
  return {
    slack: adapters.slack,
    vault: adapters.vault,
    connection: adapters.slackConnection,
    measured: adapters.measured,
    history: adapters.history,
    flowConfigs: adapters.flowConfigs,
    lastDigest: adapters.lastDigest,
    site: adapters.site,
    projects: adapters.projectsAsApp,
    projectPageUrl: adapters.projectPageUrl,
    pause: adapters.pause,
    clock: adapters.clock,
    budget: adapters.budget,
    digests: adapters.digestScheduler,
  } satisfies SlackDigestPorts;
}

/** "Send digest now" from the settings page: the digest's adapters, the settings' audit trail, and its throttle. */
export function slackDigestRequestPorts(settings: SettingsPorts, adapters: AppAdapters) {
  return {
    ...settings,
    ...slackDigestPorts(adapters),
    digestThrottle: adapters.digestThrottle,
  } satisfies SlackDigestRequestPorts;
}
