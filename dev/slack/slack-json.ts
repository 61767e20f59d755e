/**
 * The JSON Slack's Web API answers with for `auth.test`, `conversations.info` and `chat.postMessage`, in the
 * shapes of Slack's own description (dev/contracts/slack-web.subset.openapi-v2.json), which the tests check.
 */
export interface SimWorkspace {
  id: string;
  name: string;
  url: string;
}

export interface SimBot {
  userId: string;
  botId: string;
  name: string;
  appId: string;
}

export interface SimChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  /** Whether the bot has been invited. */
  botIsMember: boolean;
  createdBy: string;
  created: number;
  purpose: string;
}

export function authTestJson(workspace: SimWorkspace, bot: SimBot) {
  return {
    ok: true,
    url: workspace.url,
    team: workspace.name,
    user: bot.name,
    team_id: workspace.id,
    user_id: bot.userId,
    bot_id: bot.botId,
    is_enterprise_install: false,
  };
}

export function conversationJson(channel: SimChannel) {
  const text = (value: string) => ({ value, creator: value === '' ? '' : channel.createdBy, last_set: value === '' ? 0 : channel.created });
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    created: channel.created,
    creator: channel.createdBy,
    is_channel: !channel.isPrivate,
    is_group: channel.isPrivate,
    is_im: false,
    is_mpim: false,
    is_private: channel.isPrivate,
    is_archived: channel.isArchived,
    is_general: false,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    is_pending_ext_shared: false,
    is_member: channel.botIsMember,
    unlinked: 0,
    parent_conversation: null,
    pending_shared: [],
    previous_names: [],
    topic: text(''),
    purpose: text(channel.purpose),
  };
}

export function postedMessageJson(channelId: string, ts: string, text: string, workspace: SimWorkspace, bot: SimBot, blocks?: unknown[]) {
  return {
    ok: true,
    channel: channelId,
    ts,
    message: {
      type: 'message',
      subtype: 'bot_message',
      text,
      ...(blocks ? { blocks } : {}),
      ts,
      user: bot.userId,
      bot_id: bot.botId,
      team: workspace.id,
      bot_profile: {
        id: bot.botId,
        app_id: bot.appId,
        name: bot.name,
        deleted: false,
        updated: 1700000000,
        team_id: workspace.id,
        icons: {
          image_36: 'https://a.slack-edge.com/80588/img/plugins/app/bot_36.png',
          image_48: 'https://a.slack-edge.com/80588/img/plugins/app/bot_48.png',
          image_72: 'https://a.slack-edge.com/80588/img/plugins/app/service_72.png',
        },
      },
    },
  };
}

/** Slack reports failures as HTTP 200 with `ok: false`; `missing_scope` also names the scope needed. */
export function slackErrorJson(error: string, scopes?: { needed: string; provided: string }) {
  return { ok: false, error, ...(scopes ?? {}) };
}
