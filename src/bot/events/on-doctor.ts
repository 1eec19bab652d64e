/** `/shipgate doctor` on a PR: the doctor's findings for the repository as a reply (write access). */
import { hasPermission } from '../../core/decide/authorize.js';
import { doctorReport } from '../../load/doctor-report.js';
import { permissionOf } from '../pr/authorize-actor.js';
import { reply } from '../pr/publish.js';
import type { EventScope } from '../runtime/bot.js';

export async function onDoctor(scope: EventScope, number: number, actor: string): Promise<void> {
  if (!hasPermission(await permissionOf(scope, actor), 'write')) {
    await reply(scope, number, `@${actor} shipgate commands need write access to the repository.`);
    return;
  }
  const { owner, repo } = scope.gh.repo;
  const auth = scope.bot.auth;
  if (!auth) {
    // bot mode runs with the workflow's token: it cannot read the app installation or branch protection
    await reply(
      scope,
      number,
      `@${actor} \`/shipgate doctor\` needs the shipgate app's credentials; run \`APP_ID=… PRIVATE_KEY=… npx shipgate doctor --repo ${owner}/${repo}\` instead.`,
    );
    return;
  }
  // Repeated commands within a minute get the same report: the doctor reads ~10 endpoints, and
  // the reply itself goes through the client's write spacing like every other reply.
  const report = await scope.bot.memory.repository.doctorReports.getOrLoad(`${owner}/${repo}`, async () => {
    const { text, code } = await doctorReport({ appId: scope.bot.options.appId, auth }, scope.gh.repo);
    const lines = text.trimEnd().split('\n');
    const head =
      code === 0
        ? `shipgate doctor: ${owner}/${repo} is set up correctly.`
        : `shipgate doctor: ${lines.filter((line) => line.startsWith('✘')).length} problem(s) in ${owner}/${repo}, each with its fix:`;
    return [head, '', ...lines.map((line) => `- ${line}`)].join('\n');
  });
  await reply(scope, number, `@${actor} ${report}`);
}
