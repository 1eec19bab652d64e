import fs from 'node:fs';

/**
 * What `npm start` needs from the environment, one line per problem with its fix (empty: all set).
 * @example missingEnv({}) // ['APP_ID is not set: the App ID from the app's settings page (docs/app.md §1)', …]
 */
export function missingEnv(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const settings = "the app's settings page (GitHub → Settings → Developer settings → GitHub Apps)";
  if (!env.APP_ID) problems.push(`APP_ID is not set: the App ID from ${settings}`);
  else if (!/^\d+$/.test(env.APP_ID)) problems.push(`APP_ID must be the numeric App ID, got "${env.APP_ID}"`);
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH)
    problems.push(`PRIVATE_KEY (or PRIVATE_KEY_PATH) is not set: generate a private key on ${settings}`);
  else if (!env.PRIVATE_KEY && env.PRIVATE_KEY_PATH && !fs.existsSync(env.PRIVATE_KEY_PATH))
    problems.push(`PRIVATE_KEY_PATH points at no file: ${env.PRIVATE_KEY_PATH}`);
  if (!env.WEBHOOK_SECRET)
    problems.push(`WEBHOOK_SECRET is not set: the webhook secret entered on ${settings}`);
  return problems;
}
