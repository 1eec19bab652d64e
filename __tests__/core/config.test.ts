import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigSchema, defaultConfig } from '../../src/core/config/config.js';
import { parseConfig } from '../../src/core/config/config-file.js';
import { InvalidInputError } from '../../src/core/errors.js';

function problems(text: string): string[] {
  try {
    parseConfig(text, '.github/shipgate.yml');
  } catch (error) {
    if (error instanceof InvalidInputError)
      return error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  it('gives a repository without config sensible defaults', () => {
    expect(parseConfig('', 'x.yml')).toEqual(defaultConfig);
    expect(defaultConfig.release.branches).toEqual(['release/**']);
    expect(defaultConfig.separationOfDuties).toBe(true);
    expect(defaultConfig.invalidateOnPush).toEqual({ automated: true, signoffs: true, manual: false });
  });

  it('reads roles, contacts and target', () => {
    const config = parseConfig(
      [
        'roles:',
        '  qa-lead:',
        '    users: [quinn]',
        '    teams: [acme/qa]',
        'contacts:',
        '  devops-lead: { name: Dana, contact: "@dana" }',
        'target:',
        '  url: http://127.0.0.1:4173/',
        '  start: node server/index.js',
      ].join('\n'),
      'x.yml',
    );
    expect(config.roles['qa-lead']).toEqual({ users: ['quinn'], teams: ['acme/qa'] });
    expect(config.target).toMatchObject({ url: 'http://127.0.0.1:4173/', start: 'node server/index.js' });
  });

  it.each([
    ['wrong type', 'separationOfDuties: yes please', '.github/shipgate.yml:1: separationOfDuties:'],
    ['wrong nested type', 'release:\n  branches: release/*', '.github/shipgate.yml:2: release.branches:'],
    [
      'unknown key',
      'concurrency: 2\ntempalte: x.md',
      '.github/shipgate.yml:2: (top level): Unrecognized key: "tempalte"',
    ],
    [
      'bad team slug',
      'roles:\n  qa:\n    teams: [just-a-team]',
      '.github/shipgate.yml:3: roles.qa.teams.0: expected "org/team-slug"',
    ],
    ['bad YAML', 'roles:\n  qa: [unclosed', '.github/shipgate.yml:2: YAML:'],
    ['duplicate key', 'concurrency: 2\nconcurrency: 3', '.github/shipgate.yml:2: YAML:'],
    ['not a mapping', '- a\n- b', '.github/shipgate.yml:1: config must be a mapping'],
    [
      'nesting deeper than 32 levels',
      `checks:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1`,
      '.github/shipgate.yml:34: config nests deeper than 32 levels',
    ],
  ])('%s → names file, line and key', (_name, text, expected) => {
    expect(problems(text).join('\n')).toContain(expected);
  });
});

it('does not count brackets inside quotes or comments as nesting', () => {
  const text = `release:\n  titlePattern: '${'['.repeat(40)}'  # ${'{'.repeat(40)}\n`;
  expect(parseConfig(text, 'x.yml').release.titlePattern).toBe('['.repeat(40));
});

describe('schema/shipgate.schema.json', () => {
  it('is the JSON Schema of the config (UPDATE_SCHEMA=1 regenerates it)', () => {
    const path = fileURLToPath(new URL('../../schema/shipgate.schema.json', import.meta.url));
    const generated = `${JSON.stringify(z.toJSONSchema(ConfigSchema, { io: 'input' }), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
  });
});
