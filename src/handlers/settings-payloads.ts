import { z } from 'zod';
import { auditLogCursor } from '../app/audit/audit-log-pages';
import { isProjectKey } from '../app/project-key';
import { conventionSchemas, GENERATED_PATH_LIMITS, generatedPathProblem } from '../domain';
import {
  githubTokenKind,
  GITHUB_REPOSITORY,
  MAX_WATCHED_REPOSITORIES,
  SLACK_BOT_TOKEN,
  SLACK_CHANNEL_ID,
} from '../shared/connection-formats';
import { RETENTION_DAYS, REVIEW_WAIT_HOURS } from '../shared/resolver-contract';

/**
 * The payload of every settings resolver function, as a schema. Anything else is refused with INVALID_INPUT
 * before a use-case runs. Messages name the field and the expected shape, never the value: a token typed
 * into the wrong field must not come back in an error.
 */
const projectKey = z.string().refine(isProjectKey, 'must be a Jira project key such as FLOW');

const githubToken = z
  .string()
  .trim()
  .refine(
    (token) => githubTokenKind(token) !== null,
    'must be a GitHub fine-grained (github_pat_…) or classic (ghp_…) personal access token',
  );

const slackBotToken = z.string().trim().regex(SLACK_BOT_TOKEN, 'must be a Slack bot token (xoxb-…)');

const repositories = z
  .array(z.string().trim().regex(GITHUB_REPOSITORY, 'must be a GitHub repository as owner/repo'))
  .min(1, 'name at least one repository')
  .max(MAX_WATCHED_REPOSITORIES, `name at most ${MAX_WATCHED_REPOSITORIES} repositories`)
  .refine((names) => new Set(names.map((name) => name.toLowerCase())).size === names.length, 'lists a repository twice');

/** Each pattern checked by the same rule the settings form shows (src/domain/generated-files.ts). */
const generatedPaths = z
  .array(
    z
      .string()
      .trim()
      .max(GENERATED_PATH_LIMITS.maxLength, `a pattern is at most ${GENERATED_PATH_LIMITS.maxLength} characters`)
      .superRefine((pattern, context) => {
        const problem = generatedPathProblem(pattern);
        if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      }),
  )
  .max(GENERATED_PATH_LIMITS.maxPatterns, `list at most ${GENERATED_PATH_LIMITS.maxPatterns} patterns`)
  .refine((patterns) => new Set(patterns).size === patterns.length, 'lists a pattern twice');

const NOT_A_CHANNEL_ID = 'must be a Slack channel id: C… for a public channel, G… for a private one';
const channelId = z.string().trim().regex(SLACK_CHANNEL_ID, NOT_A_CHANNEL_ID);

const stageName = z.string().trim().min(1, 'a stage needs a name').max(60, 'stage names are at most 60 characters');

const workflow = z
  .object({
    stages: z
      .array(
        z
          .object({
            name: stageName,
            statusIds: z.array(z.string().regex(/^\d{1,18}$/, 'must be a Jira status id')).max(500),
            active: z.boolean(),
          })
          .strict(),
      )
      .min(2, 'a workflow needs at least two stages')
      .max(20, 'a workflow has at most 20 stages'),
    startStage: stageName,
    doneStage: stageName,
    discardedStatusIds: z
      .array(z.string().regex(/^\d{1,18}$/, 'must be a Jira status id'))
      .max(500)
      .optional(),
    discardedResolutions: z
      .array(z.string().trim().min(1, 'a resolution needs a name').max(255))
      .max(100)
      .refine((names) => new Set(names.map((name) => name.toLowerCase())).size === names.length, 'each resolution is listed once')
      .optional(),
  })
  .strict();

const excludedIssueTypes = z.array(z.string().trim().min(1, 'an issue type needs a name').max(255)).max(100);

const conventionSchema = conventionSchemas();
/** The conventions the settings page edits, each by the configuration document's own schema (src/domain/flow-config.ts). */
const conventions = z
  .object({
    stageEntry: conventionSchema.stageEntry,
    backwardMoves: conventionSchema.backwardMoves,
    unit: conventionSchema.unit,
    percentileMethod: conventionSchema.percentileMethod,
    serviceLevelPercentile: conventionSchema.serviceLevelPercentile,
    weekEndsOn: conventionSchema.weekEndsOn,
    workingDays: conventionSchema.workingDays.max(7).refine((days) => new Set(days).size === days.length, 'lists a day twice'),
    timeZone: conventionSchema.timeZone.max(64),
  })
  .strict();

export const settingsPayloads = {
  none: z.object({}).strict(),
  setProjectMeasured: z.object({ projectKey, measured: z.boolean() }).strict(),
  project: z.object({ projectKey }).strict(),
  proposeBoardWorkflow: z
    .object({
      projectKey,
      boardId: z.number().int('must be a board id').positive('must be a board id').max(Number.MAX_SAFE_INTEGER).optional(),
    })
    .strict(),
  saveProjectWorkflow: z.object({ projectKey, workflow, conventions, excludedIssueTypes: excludedIssueTypes.optional() }).strict(),
  requestProjectSync: z.object({ projectKey, mode: z.enum(['sync-now', 'rebuild']) }).strict(),
  connectGitHub: z.object({ token: githubToken, repositories }).strict(),
  updateGitHubRepositories: z.object({ repositories }).strict(),
  setGeneratedPaths: z.object({ patterns: generatedPaths }).strict(),
  connectSlack: z.object({ token: slackBotToken, channelId }).strict(),
  updateSlackChannel: z.object({ channelId }).strict(),
  saveSlackAlerts: z
    .object({
      projectKey,
      serviceLevel: z.boolean(),
      reviewWait: z
        .object({
          enabled: z.boolean(),
          hours: z
            .number()
            .int('must be a whole number of hours')
            .min(REVIEW_WAIT_HOURS.min, `must be at least ${REVIEW_WAIT_HOURS.min} hour`)
            .max(REVIEW_WAIT_HOURS.max, `must be at most ${REVIEW_WAIT_HOURS.max} hours (30 days)`),
        })
        .strict(),
      channelId: channelId.nullable(),
    })
    .strict(),
  setRetention: z.object({ retentionDays: z.number().int().min(RETENTION_DAYS.min).max(RETENTION_DAYS.max) }).strict(),
  exportAppData: z.object({ cursor: z.string().min(1).max(2000).optional() }).strict(),
  eraseAllAppData: z.object({ confirmation: z.string().max(200) }).strict(),
  auditLog: z.object({ cursor: auditLogCursor.optional() }).strict(),
} as const;
