import { z } from 'zod';
import { AppError } from '../app/app-error';
import { requireProjectKey } from '../app/project-key';

/**
 * The parts of a resolver's `context` the app relies on. The platform sets the context, so it is trusted
 * for identity and project, but it is still checked for shape: a missing project is a clear error, not a crash.
 */
const projectPageContext = z.object({
  accountId: z.string().min(1),
  extension: z.object({ project: z.object({ key: z.string() }) }),
});

export function projectKeyFromContext(context: unknown): string {
  const parsed = projectPageContext.safeParse(context);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'This page must be opened from a Jira project.');
  return requireProjectKey(parsed.data.extension.project.key);
}

/**
 * Who is calling, for answers that depend on the person (which security levels they may see): the account and
 * the installation it calls in (`installContext`, the site's ARI). An installation-less context (the local
 * platform's tests) shares one name.
 */
const viewerContext = z.object({ accountId: z.string().min(1), installContext: z.string().optional() });

export function viewerFromContext(context: unknown): { installation: string; accountId: string } {
  const parsed = viewerContext.safeParse(context);
  if (!parsed.success) throw new AppError('FORBIDDEN', 'This page must be opened by a signed-in Jira user.');
  return { installation: parsed.data.installContext ?? '', accountId: parsed.data.accountId };
}

/** Resolvers that take no input still refuse input they do not expect. */
export const emptyPayload = z.object({}).strict();

/** The caller of a settings resolver, from the platform's context (never from the payload). */
const callerContext = z.object({ accountId: z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/) });

export function actorFromContext(context: unknown): { accountId: string } {
  const parsed = callerContext.safeParse(context);
  if (!parsed.success) throw new AppError('FORBIDDEN', 'This page must be opened by a signed-in Jira user.');
  return { accountId: parsed.data.accountId };
}

/** The Jira site the call came from (`context.siteUrl`, set by the platform), without a trailing slash; null when absent. */
const siteContext = z.object({
  siteUrl: z
    .string()
    .url()
    .refine((url) => /^https?:\/\/[^/?#]+\/?$/.test(url), 'must be a site address'),
});

export function siteUrlFromContext(context: unknown): string | null {
  const parsed = siteContext.safeParse(context);
  return parsed.success ? parsed.data.siteUrl.replace(/\/$/, '') : null;
}
