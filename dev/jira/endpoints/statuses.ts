import { STATUSES, STATUS_CATEGORIES } from '../catalogue';
import { statusCategoryJson, statusJson } from '../catalogue-json';
import type { Route } from '../router';
import { json } from '../sim-http';

/** The site's statuses (shared by all projects, as on a company-managed site) and status categories. */
export const statusRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/status',
    handler: (site) =>
      json(
        200,
        STATUSES.map((_, index) => statusJson(site.siteUrl, index)),
      ),
  },
  {
    method: 'GET',
    template: '/rest/api/3/statuscategory',
    handler: (site) =>
      json(
        200,
        STATUS_CATEGORIES.map((c) => statusCategoryJson(site.siteUrl, c)),
      ),
  },
];
