/**
 * GitHub Actions' OIDC provider, as a job sees it: a job with `id-token: write` gets
 * ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN and asks for an ID token with any audience; the token is an
 * RS256 JWT signed by the issuer, whose keys are at `<issuer>/.well-known/jwks`. Claims as
 * documented: https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#understanding-the-oidc-token
 * (github.com's issuer is https://token.actions.githubusercontent.com; GHES's is
 * `https://HOST/_services/token`, the shape used here). Only a run's own job can get a token for
 * that run: the request token is per run.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import type { SimState, SimWorkflowRun } from './state.js';

const PREFIX = '/_services/token';

export class ActionsOidc {
  private readonly keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly kid = crypto.randomBytes(8).toString('hex');
  private readonly requestTokens = new Map<string, { runId: number; claims: Record<string, unknown> }>();
  baseUrl = '';

  constructor(private readonly state: SimState) {}

  get issuer(): string {
    return `${this.baseUrl}${PREFIX}`;
  }

  /**
   * What the runner gives a job with `id-token: write` for workflow run `runId`. `claims` are the
   * job's own facts GitHub sets, e.g. `job_workflow_ref` for a job of a reusable workflow.
   */
  requestFor(runId: number, claims: Record<string, unknown> = {}): { url: string; token: string } {
    const token = `oidc-request-${crypto.randomBytes(12).toString('hex')}`;
    this.requestTokens.set(token, { runId, claims });
    return { url: `${this.issuer}/request?api-version=2.0`, token };
  }

  /** How often the key set was fetched (a verifier must cache it and not refetch for every bad token). */
  jwksServed = 0;

  /** Every ID token minted through a request token, for tests that assert none was. */
  readonly minted: Array<{ runId: number; audience: string }> = [];

  /** The ID token for a job of workflow run `runId`, with `audience`. */
  tokenFor(runId: number, audience: string, overrides: Record<string, unknown> = {}): string {
    const run = this.state.workflowRuns.get(runId);
    if (!run) throw new Error(`simulator: no workflow run ${runId}`);
    return this.sign({ ...this.claimsOf(run, audience), ...overrides });
  }

  /** Signs any claims with the issuer's key (tests forging tokens use their own keys instead). */
  sign(claims: Record<string, unknown>): string {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const head = `${part({ alg: 'RS256', typ: 'JWT', kid: this.kid })}.${part(claims)}`;
    const signature = crypto
      .sign('RSA-SHA256', Buffer.from(head), this.keys.privateKey)
      .toString('base64url');
    return `${head}.${signature}`;
  }

  private claimsOf(run: SimWorkflowRun, audience: string): Record<string, unknown> {
    const repo = this.state.repos.get(run.repo);
    const ref = run.ref ?? `refs/heads/${run.head_branch}`;
    const iat = Math.floor(Date.now() / 1000);
    const workflowRef = `${run.repo}/${run.path}@${ref}`;
    return {
      jti: crypto.randomUUID(),
      sub: `repo:${run.repo}:ref:${ref}`,
      aud: audience,
      ref,
      sha: run.head_sha,
      repository: run.repo,
      repository_id: String(repo?.id ?? 0),
      repository_owner: run.repo.split('/')[0],
      run_id: String(run.id),
      run_number: '1',
      run_attempt: String(run.run_attempt ?? 1),
      actor: 'octocat',
      event_name: run.event,
      ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      workflow: run.name,
      workflow_ref: workflowRef,
      workflow_sha: run.head_sha,
      job_workflow_ref: workflowRef,
      job_workflow_sha: run.head_sha,
      iss: this.issuer,
      nbf: iat - 5,
      iat,
      exp: iat + 300,
    };
  }

  /** Serves the issuer's paths; false for any other path. */
  handle(req: http.IncomingMessage, url: URL, res: http.ServerResponse): boolean {
    if (!url.pathname.startsWith(PREFIX)) return false;
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const path = url.pathname.slice(PREFIX.length);
    if (path === '/.well-known/openid-configuration')
      send(200, { issuer: this.issuer, jwks_uri: `${this.issuer}/.well-known/jwks` });
    else if (path === '/.well-known/jwks') {
      this.jwksServed++;
      send(200, {
        keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }],
      });
    } else if (path === '/request') {
      const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const request = bearer ? this.requestTokens.get(bearer) : undefined;
      if (request === undefined) send(401, { message: 'Bad credentials' });
      else {
        const audience = url.searchParams.get('audience') ?? '';
        this.minted.push({ runId: request.runId, audience });
        send(200, { value: this.tokenFor(request.runId, audience, request.claims) });
      }
    } else send(404, { message: 'Not Found' });
    return true;
  }
}
