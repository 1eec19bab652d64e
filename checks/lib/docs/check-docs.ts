import { z } from 'zod';
import type { Applicability, Need } from '../../../src/core/fit/applicability.js';
import type { CheckContract } from '../../contract.js';

interface JsonProperty {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonProperty[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
}

interface JsonObject {
  properties?: Record<string, JsonProperty>;
  required?: string[];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(property: JsonProperty): string {
  if (property.enum) return property.enum.map((value) => `\`${String(value)}\``).join(' | ');
  if (property.anyOf) return property.anyOf.map(typeOf).join(' or ');
  const type = Array.isArray(property.type) ? property.type.join(' or ') : (property.type ?? 'any');
  const range = [
    property.minimum !== undefined ? `≥ ${property.minimum}` : undefined,
    property.exclusiveMinimum !== undefined ? `> ${property.exclusiveMinimum}` : undefined,
    property.maximum !== undefined ? `≤ ${property.maximum}` : undefined,
  ].filter(Boolean);
  return range.length > 0 ? `${type} (${range.join(', ')})` : type;
}

/** Where the two-job workflow runs each kind of check, and so how its result counts. */
const EVIDENCE: Record<CheckContract<unknown>['measures'], string> = {
  repository: "judges the PR's files as data: the attesting job computes it itself, `verified`",
  build: "judges what the PR's build produced: only the measure job has it, `reported`",
  app: "judges the running app: `reported` when shipgate starts the PR's app (`target.start`), `verified` when the attesting job measures a given URL",
  environment:
    'judges services outside the PR (GitHub, the job secrets, Prometheus): the attesting job computes it, `verified`',
};

const code = (text: string) => `\`${text}\``;
const needText = (need: Need) =>
  `${(typeof need.trait === 'string' ? [need.trait] : need.trait).map(code).join(' or ')} (else ${need.otherwise})`;

/** "Applies to" from the contract's applicability: what `shipgate init` fits by (docs/templates.md). */
function appliesTo(applicability: Applicability | undefined): string {
  if (!applicability) return 'Applies to: any app.';
  const parts = [
    ...(applicability.params ?? []).map((rule) => {
      const when =
        rule.equals !== undefined
          ? code(`${rule.param}=${String(rule.equals)}`)
          : `${code(rule.param)} not among the app's ${code(rule.notAmong ?? '')}`;
      const needs = rule.needs?.length ? `${rule.needs.map(needText).join(', ')}, then ` : '';
      return `${when}: ${needs}${rule.becomes}`;
    }),
    ...(applicability.needs?.length ? [`apps with ${applicability.needs.map(needText).join(', ')}`] : []),
    ...(applicability.bind ?? []).flatMap((binding) =>
      Object.entries(binding.params ?? {}).map(([key, value]) => `init binds ${code(`${key}=${value}`)}`),
    ),
    ...(applicability.adds ?? []).map(
      (addition) => `init adds "${addition.text}" for ${code(addition.trait)}`,
    ),
  ];
  return `Applies to (\`shipgate init\`, docs/templates.md): ${parts.join('; ')}.`;
}

/** One section per check: what it proves, where it runs, and its parameters from its zod schema. */
function renderCheck(check: CheckContract<unknown>): string {
  const schema = z.toJSONSchema(check.params, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const traits = [
    check.usesTarget ? 'talks to the running app (target.url / target.start)' : undefined,
    check.exclusive ? 'runs alone, after the parallel checks' : undefined,
    check.disruptive ? 'runs last and alone, after every other check' : undefined,
  ].filter(Boolean);
  const rows =
    properties.length === 0
      ? ['No parameters.']
      : [
          '| parameter | type | default | meaning |',
          '|-----------|------|---------|---------|',
          ...properties.map(([name, property]) => {
            const fallback = required.has(name) ? 'required' : '—';
            const value =
              property.default === undefined ? fallback : `\`${JSON.stringify(property.default)}\``;
            return `| \`${name}\` | ${cell(typeOf(property))} | ${cell(value)} | ${cell(property.description ?? '')} |`;
          }),
        ];
  return [
    `## \`${check.id}\``,
    '',
    check.title,
    '',
    ...(check.proves ? [`**Proves:** ${check.proves}`, ''] : []),
    ...(traits.length > 0 ? [`Runs: ${traits.join('; ')}.`, ''] : []),
    `Evidence: ${EVIDENCE[check.measures]} (docs/security.md).`,
    '',
    appliesTo(check.applicability),
    '',
    ...rows,
  ].join('\n');
}

/** docs/checks.md, generated from the registry (a test keeps the committed file equal to this). */
export function renderCheckDocs(checks: readonly CheckContract<unknown>[]): string {
  return `${[
    '# Checks',
    '',
    "<!-- Generated from the checks' zod schemas by `npm run docs:checks`; do not edit by hand. -->",
    '',
    'Bind an item to a check with `<!-- shipgate: check=NAME key=value -->`. Parameters come from the',
    'directive, overridden per repository by `checks.NAME.key` in `.github/shipgate.yml`; unknown',
    'parameters are refused by `shipgate validate` (file:line). `checks.NAME.enabled: false` turns a check',
    'off and `items.<id>.na: "reason"` marks one item not applicable; both count as N/A in the gate.',
    '',
    ...checks.map((check) => `- [\`${check.id}\`](#${check.id}) — ${check.title}`),
    '',
    ...checks.map(renderCheck).flatMap((section) => [section, '']),
  ]
    .join('\n')
    .trimEnd()}\n`;
}
