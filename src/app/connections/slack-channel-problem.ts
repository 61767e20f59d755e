import type { ServiceRefusal } from '../access/service-refusal';

/**
 * What an admin reads when Slack refused to post into the channel for a reason they can fix, and how. The
 * digest and the alerts say the same, except what happens once the bot is invited (`afterInvite`). Null for a
 * refusal that is not about the token or the channel (rate limits, Slack unavailable): each caller words those.
 */
export function slackChannelProblem(error: ServiceRefusal, channelName: string, afterInvite: string): string | null {
  switch (error.reason) {
    case 'unauthorized':
      return 'Slack no longer accepts the stored bot token (it was revoked, or the app was removed). Replace it.';
    case 'not-in-channel':
      return `The bot is not in #${channelName}: invite it (/invite) ${afterInvite}.`;
    case 'channel-not-found':
      return `Slack cannot find #${channelName} for this bot. For a private channel, invite the bot; or choose another channel.`;
    case 'channel-archived':
      return `#${channelName} is archived: choose another channel.`;
    case 'missing-scope':
      return (
        `The bot token lacks the scope needed to post${error.detail ? ` (${error.detail})` : ''}: ` +
        'add it to the Slack app and reinstall it.'
      );
    default:
      return null;
  }
}
