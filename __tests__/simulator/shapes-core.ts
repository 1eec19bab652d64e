/** GitHub-shaped JSON for users, organizations, repos, apps and installations. */
import type { SimApp, SimInstallation, SimRepo, SimState } from './state.js';

export type Obj = Record<string, unknown>;
const USER_LINKS = [
  ['followers_url', 'followers'],
  ['following_url', 'following{/other_user}'],
  ['gists_url', 'gists{/gist_id}'],
  ['starred_url', 'starred{/owner}{/repo}'],
  ['subscriptions_url', 'subscriptions'],
  ['organizations_url', 'orgs'],
  ['repos_url', 'repos'],
  ['events_url', 'events{/privacy}'],
  ['received_events_url', 'received_events'],
] as const;
const REPO_LINKS = [
  'forks',
  'keys',
  'collaborators',
  'teams',
  'hooks',
  'issue_events',
  'events',
  'assignees',
  'branches',
  'tags',
  'blobs',
  'git_tags',
  'git_refs',
  'trees',
  'statuses',
  'languages',
  'stargazers',
  'contributors',
  'subscribers',
  'subscription',
  'commits',
  'git_commits',
  'comments',
  'issue_comment',
  'contents',
  'compare',
  'merges',
  'archive',
  'downloads',
  'issues',
  'pulls',
  'milestones',
  'notifications',
  'labels',
  'releases',
  'deployments',
] as const;
export const nodeId = (kind: string, id: number): string => Buffer.from(`0:${kind}${id}`).toString('base64');

export class CoreShapes {
  constructor(
    protected readonly state: SimState,
    /** API root, e.g. http://127.0.0.1:PORT (read lazily: the port is known only after listen) */
    private readonly apiRoot: () => string,
  ) {}

  get api(): string {
    return this.apiRoot();
  }

  user(login: string): Obj {
    const u = this.state.user(login);
    const path = encodeURIComponent(u.login); // `name[bot]` → `name%5Bbot%5D`, as GitHub does
    return {
      login: u.login,
      id: u.id,
      node_id: nodeId('U', u.id),
      avatar_url: `${this.api}/avatars/u/${u.id}`,
      gravatar_id: '',
      url: `${this.api}/users/${path}`,
      html_url: `${this.api}/${path}`,
      ...Object.fromEntries(USER_LINKS.map(([k, suffix]) => [k, `${this.api}/users/${path}/${suffix}`])),
      type: u.type,
      site_admin: false,
    };
  }

  repo(r: SimRepo): Obj {
    const url = `${this.api}/repos/${r.fullName}`;
    return {
      id: r.id,
      node_id: nodeId('R', r.id),
      name: r.name,
      full_name: r.fullName,
      private: r.private,
      owner: this.user(r.owner),
      html_url: `${this.api}/${r.fullName}`,
      description: null,
      fork: false,
      url,
      ...Object.fromEntries(REPO_LINKS.map((k) => [`${k}_url`, `${url}/${k.replace(/_/g, '/')}`])),
      git_url: `git://127.0.0.1/${r.fullName}.git`,
      ssh_url: `git@127.0.0.1:${r.fullName}.git`,
      clone_url: `${this.api}/${r.fullName}.git`,
      svn_url: `${this.api}/${r.fullName}`,
      mirror_url: null,
      homepage: null,
      size: 1,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      forks_count: 0,
      forks: 0,
      open_issues_count: 0,
      open_issues: 0,
      language: 'TypeScript',
      has_issues: true,
      has_projects: true,
      has_downloads: true,
      has_wiki: true,
      has_pages: false,
      has_discussions: false,
      license: null,
      allow_forking: true,
      is_template: false,
      web_commit_signoff_required: false,
      topics: [],
      custom_properties: {},
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      pushed_at: '2024-01-01T00:00:00Z',
      default_branch: r.defaultBranch,
      visibility: r.private ? 'private' : 'public',
      archived: false,
      disabled: false,
    };
  }

  app(a: SimApp): Obj {
    return {
      id: a.id,
      slug: a.slug,
      node_id: nodeId('A', a.id),
      name: a.name,
      owner: this.user(a.owner),
      description: '',
      external_url: 'https://example.test',
      html_url: `${this.api}/apps/${a.slug}`,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      permissions: {},
      events: [],
    };
  }

  installation(i: SimInstallation): Obj {
    const app = this.state.apps.get(i.appId);
    return {
      id: i.id,
      account: this.user(i.account),
      app_id: i.appId,
      app_slug: app?.slug ?? `app-${i.appId}`,
      target_id: this.state.user(i.account).id,
      target_type: 'Organization',
      repository_selection: 'selected',
      access_tokens_url: `${this.api}/app/installations/${i.id}/access_tokens`,
      repositories_url: `${this.api}/installation/repositories`,
      html_url: `${this.api}/settings/installations/${i.id}`,
      permissions: i.permissions,
      events: i.events ?? [],
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
      single_file_name: null,
    };
  }

  organization(login: string): Obj {
    const u = this.user(login);
    const url = `${this.api}/orgs/${login}`;
    return {
      login,
      id: u.id,
      node_id: u.node_id,
      url,
      repos_url: `${url}/repos`,
      events_url: `${url}/events`,
      hooks_url: `${url}/hooks`,
      issues_url: `${url}/issues`,
      members_url: `${url}/members{/member}`,
      public_members_url: `${url}/public_members{/member}`,
      avatar_url: u.avatar_url,
      description: null,
    };
  }
}
