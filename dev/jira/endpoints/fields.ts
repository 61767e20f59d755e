import { FIELDS } from '../issue-fields';
import type { Route } from '../router';
import { json } from '../sim-http';

/** `GET /rest/api/3/field`: how an app finds the Flagged field's id instead of hard-coding it. */
export const fieldRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/field',
    handler: () =>
      json(
        200,
        FIELDS.map((f) => ({
          id: f.id,
          key: f.id,
          name: f.name,
          custom: f.custom,
          orderable: f.orderable,
          navigable: f.navigable,
          searchable: f.searchable,
          clauseNames: f.clauseNames,
          schema: f.schema,
        })),
      ),
  },
];
