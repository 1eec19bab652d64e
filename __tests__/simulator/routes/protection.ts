/**
 * Branch protection, rulesets and teams as `shipgate doctor` reads them.
 * - `GET …/branches/{branch}/protection` needs "Administration: read" for an app (403 "Resource not
 *   accessible by integration" otherwise); 404 "Branch not protected" when there is none;
 *   `required_status_checks.checks[].app_id` is the check's source. https://docs.github.com/en/rest/branches/branch-protection
 * - `GET …/rules/branches/{branch}`: the rules that apply to a branch (any reader); a
 *   required_status_checks rule lists `integration_id` as the expected source. https://docs.github.com/en/rest/repos/rules
 * - `GET /orgs/{org}/teams/{team_slug}`: 404 for a team the caller cannot see. https://docs.github.com/en/rest/teams/teams
 */
import { json, notFound, type RouteContext, type RouteTable } from '../http.js';
import { repoOf } from './repos.js';

const forbidden = () =>
  json(
    {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection',
      status: '403',
    },
    403,
  );

function lacksPermission(ctx: RouteContext, name: string): boolean {
  if (ctx.identity.kind !== 'installation') return false;
  const installation = ctx.state.installations.get(ctx.identity.installationId);
  return !installation?.permissions[name];
}

export const protectionRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/branches/{branch}/protection': (ctx) => {
    if (lacksPermission(ctx, 'administration')) return forbidden();
    const repo = repoOf(ctx);
    const checks = ctx.state.protections.get(`${repo.fullName}@${ctx.params.branch}`);
    if (!checks)
      return json(
        {
          message: 'Branch not protected',
          documentation_url: 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection',
          status: '404',
        },
        404,
      );
    const url = `${ctx.shapes.api}/repos/${repo.fullName}/branches/${ctx.params.branch}/protection`;
    return json({
      url,
      required_status_checks: {
        url: `${url}/required_status_checks`,
        strict: false,
        contexts: checks.map((check) => check.context),
        contexts_url: `${url}/required_status_checks/contexts`,
        checks: checks.map((check) => ({ context: check.context, app_id: check.app_id ?? null })),
      },
    });
  },

  'GET /repos/{owner}/{repo}/rules/branches/{branch}': (ctx) => {
    const repo = repoOf(ctx);
    const checks = ctx.state.rulesets.get(`${repo.fullName}@${ctx.params.branch}`);
    if (!checks) return json([]);
    return json([
      {
        type: 'required_status_checks',
        ruleset_source_type: 'Repository',
        ruleset_source: repo.fullName,
        ruleset_id: 1,
        parameters: {
          strict_required_status_checks_policy: false,
          required_status_checks: checks.map((check) => ({
            context: check.context,
            ...(check.app_id === undefined ? {} : { integration_id: check.app_id }),
          })),
        },
      },
    ]);
  },

  'GET /orgs/{org}/teams/{team_slug}': (ctx) => {
    const key = `${ctx.params.org}/${ctx.params.team_slug}`;
    if (!ctx.state.teams.has(key) || lacksPermission(ctx, 'members')) return notFound();
    const id = [...ctx.state.teams.keys()].indexOf(key) + 1;
    return json({
      id,
      node_id: `T_${id}`,
      url: `${ctx.shapes.api}/orgs/${ctx.params.org}/teams/${ctx.params.team_slug}`,
      html_url: `${ctx.shapes.api}/orgs/${ctx.params.org}/teams/${ctx.params.team_slug}`,
      name: ctx.params.team_slug,
      slug: ctx.params.team_slug,
      description: null,
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      permission: 'pull',
      members_url: `${ctx.shapes.api}/teams/${id}/members{/member}`,
      repositories_url: `${ctx.shapes.api}/teams/${id}/repos`,
      parent: null,
      members_count: ctx.state.teams.get(key)?.size ?? 0,
      repos_count: 0,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      organization: ctx.shapes.organization(ctx.params.org ?? ''),
    });
  },
};
