import { parseArgs } from 'node:util';
import { Probot } from 'probot';
import type { AppOctokit } from '../github/client.js';
import { doctorReport } from '../load/doctor-report.js';
import { type CliIO, UsageError } from './io.js';

export const DOCTOR_HELP = `Usage: shipgate doctor --repo OWNER/REPO

Checks an installation of the shipgate app on the real GitHub: \`shipgate\` required on the default
branch and bound to the app, the app's permissions and events, the checks workflow, config and
template on the default branch, role teams readable. One line per check, with its fix.
Exit 0 only when every check holds.

Environment: APP_ID, PRIVATE_KEY (the app's credentials, as for npm start),
GITHUB_API_URL (default https://api.github.com; GHES: https://HOST/api/v3).
`;

/** `shipgate doctor`: reads the installation with the app's credentials and prints the diagnosis. */
export async function doctorCommand(io: CliIO, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { repo: { type: 'string' } }, strict: true });
  const full = values.repo ?? io.env.GITHUB_REPOSITORY ?? '';
  const [owner = '', name = ''] = full.split('/');
  if (!owner || !name) throw new UsageError('doctor needs --repo OWNER/REPO');
  const appId = Number(io.env.APP_ID);
  if (!Number.isInteger(appId) || appId <= 0 || !io.env.PRIVATE_KEY)
    throw new UsageError('doctor needs the app credentials: APP_ID and PRIVATE_KEY');
  const probot = new Probot({
    appId,
    privateKey: io.env.PRIVATE_KEY,
    baseUrl: (io.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    logLevel: 'fatal',
  });
  const report = await doctorReport(
    { appId, auth: async (id) => (await probot.auth(id)) as AppOctokit },
    { owner, repo: name },
  );
  io.stdout.write(report.text);
  return report.code;
}
