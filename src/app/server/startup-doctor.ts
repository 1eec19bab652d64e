/**
 * The doctor at start-up: each installation's permissions and events against app.yml, one warning
 * per problem with its fix (`shipgate doctor --repo` checks a repository in full).
 */
import type { Probot } from 'probot';
import { installationLines } from '../../core/doctor/diagnose.js';
import type { AppOctokit } from '../../github/client.js';

const MAX_INSTALLATIONS = 100;

/** Logs the problems; resolves with how many lines failed. */
export async function logInstallationProblems(probot: Probot): Promise<number> {
  const appOctokit = (await probot.auth()) as AppOctokit;
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  let failed = 0;
  for (const installation of installations.slice(0, MAX_INSTALLATIONS)) {
    const permissions = Object.fromEntries(
      Object.entries(installation.permissions ?? {}).flatMap(([name, level]) =>
        typeof level === 'string' ? [[name, level]] : [],
      ),
    );
    const account = installation.account && 'login' in installation.account ? installation.account.login : '';
    for (const line of installationLines(permissions, installation.events ?? [])) {
      if (line.ok) continue;
      failed++;
      probot.log.warn({ installation: installation.id, account }, `shipgate doctor: ${line.text}`);
    }
  }
  return failed;
}
