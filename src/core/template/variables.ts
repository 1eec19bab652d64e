import type { Config } from '../config/config.js';

export interface VariableSources {
  config: Config;
  /** Release version (branch/title/package.json). */
  version?: string;
  /** ISO date of the render (the caller passes the clock). */
  date?: string;
  deployedBy?: string;
  app?: string;
  /** `--var key=value` overrides, applied last. */
  overrides?: Readonly<Record<string, string>>;
}

/** The header variables the template's {{placeholders}} are filled from. */
export function buildVariables(sources: VariableSources): Record<string, string | undefined> {
  const variables: Record<string, string | undefined> = {
    date: sources.date?.slice(0, 10),
    version: sources.version,
    'deployed-by': sources.deployedBy ? `@${sources.deployedBy.replace(/^@/, '')}` : undefined,
    environment: sources.config.environment,
    app: sources.app,
  };
  for (const [role, contact] of Object.entries(sources.config.contacts)) {
    variables[`contact.${role}.name`] = contact.name;
    variables[`contact.${role}.contact`] = contact.contact;
  }
  return { ...variables, ...sources.overrides };
}
