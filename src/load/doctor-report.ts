/**
 * The full `shipgate doctor` for one repository, read through the API with the app's credentials:
 * shared by the CLI (`shipgate doctor --repo`) and the bot's `/shipgate doctor` reply.
 */
import { diagnose, formatDoctor } from '../core/doctor/diagnose.js';
import { type AppOctokit, gitHubFor } from '../github/client.js';
import {
  canReadTeam,
  readDefaultBranch,
  readInstallation,
  readRequiredChecks,
} from '../github/doctor-reads.js';
import type { RepoRef } from '../github/types.js';
import { loadSetup } from './setup.js';

export interface DoctorAuth {
  appId: number;
  /** no id: the app itself (JWT); an id: that installation's token */
  auth(installationId?: number): Promise<AppOctokit>;
}

/** One line per check, ✔ or ✘ with its fix; code 0 only when every check holds. */
export async function doctorReport(
  credentials: DoctorAuth,
  repo: RepoRef,
): Promise<{ text: string; code: number }> {
  const full = `${repo.owner}/${repo.repo}`;
  const { appId } = credentials;
  const installation = await readInstallation(await credentials.auth(), repo);
  if (!installation)
    return {
      text: `✘ the app (id ${appId}) is not installed on ${full}: fix: install it on the repository\n`,
      code: 1,
    };
  const octokit = await credentials.auth(installation.id);
  const policy = await readDefaultBranch(octokit, repo);
  const branch = policy.ref;
  const gh = gitHubFor(octokit, repo);
  const setup = await loadSetup(gh, policy);
  const file = setup.config.checksWorkflow?.file ?? 'shipgate.yml';
  const workflowPath = file.startsWith('.github/') ? file : `.github/workflows/${file}`;
  const teams = [...new Set(Object.values(setup.config.roles).flatMap((role) => role.teams))];
  return formatDoctor(
    diagnose({
      repo: full,
      branch,
      appId,
      requiredChecks: await readRequiredChecks(octokit, repo, branch),
      permissions: installation.permissions,
      events: installation.events,
      workflowPath,
      workflow: await gh.readFile(workflowPath, policy.sha),
      setupProblems: setup.problems,
      teams: await Promise.all(
        teams.map(async (team) => ({ team, readable: await canReadTeam(octokit, team) })),
      ),
    }),
  );
}
