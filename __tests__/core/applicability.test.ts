import { paramNames, strictParams } from '../../checks/contract.js';
import { checkContracts, findContract } from '../../checks/contracts/index.js';
import { type AppProfile, type AppTrait, isAppTrait } from '../../src/core/fit/app-traits.js';
import {
  type Applicability,
  addedItems,
  type Fit,
  fitBound,
  unknownPlaceholders,
} from '../../src/core/fit/applicability.js';
import type { CheckParams } from '../../src/core/template/model.js';

/** A profile with these traits (a bare name: found, no value). */
function profile(
  traits: Partial<Record<AppTrait, { value?: string; values?: string[]; why?: string }>>,
  words: AppProfile['words'] = {},
): AppProfile {
  return { traits, words };
}
const API = profile({ server: {}, env: { values: [] } });
const SPA = profile({ pages: {}, 'static-assets': {}, 'browser-build': { value: 'dist' } }, { stack: 'SPA' });
const DJANGO = profile({ pages: {}, 'static-assets': {}, server: {} }, { framework: 'Django' });

const fitOf = (id: string, params: CheckParams, app: AppProfile): Fit =>
  fitBound(findContract(id)?.applicability, params, app);

describe('each check’s applicability decides what init does with its items', () => {
  test.each<[string, string, CheckParams, AppProfile, Fit]>([
    [
      'bundle-size on an API',
      'bundle-size',
      {},
      API,
      { action: 'dropped', reason: 'API only: no browser build' },
    ],
    [
      'build-output on server-rendered Django',
      'build-output',
      {},
      DJANGO,
      { action: 'dropped', reason: 'Django renders its pages on the server: no JavaScript build' },
    ],
    ['bundle-size on a SPA', 'bundle-size', {}, SPA, { action: 'keep', reason: 'build dir dist' }],
    [
      'bundle-size on a SPA whose build folder is unknown',
      'bundle-size',
      {},
      profile({ pages: {}, 'browser-build': {} }),
      { action: 'keep', reason: '' },
    ],
    [
      'lighthouse on an API',
      'lighthouse',
      {},
      API,
      { action: 'dropped', reason: 'API only: no pages to load in a browser' },
    ],
    ['lighthouse on a SPA', 'lighthouse', {}, SPA, { action: 'keep', reason: '' }],
    [
      'websocket without a server',
      'websocket',
      {},
      API,
      { action: 'dropped', reason: 'no WebSocket server found' },
    ],
    [
      'websocket with ws',
      'websocket',
      {},
      profile({ websocket: { value: 'ws (package.json)' } }),
      { action: 'keep', reason: 'ws (package.json)' },
    ],
    [
      'migrations without a database',
      'migrations',
      {},
      API,
      { action: 'dropped', reason: 'no database client and no migrations folder' },
    ],
    [
      'migrations: a database client, no folder',
      'migrations',
      {},
      profile({ database: { value: 'pg', why: 'package.json depends on pg' } }),
      {
        action: 'manual',
        reason: 'package.json depends on pg but no migrations folder was found: confirm the rollback by hand',
      },
    ],
    [
      'migrations: the folder',
      'migrations',
      {},
      profile({ database: { value: 'db/migrate' }, 'migrations-folder': { value: 'db/migrate' } }),
      { action: 'keep', params: { dir: 'db/migrate' }, reason: 'migrations folder db/migrate' },
    ],
    [
      'coverage without a tool',
      'coverage',
      { min: 70 },
      API,
      { action: 'manual', reason: 'no coverage report or coverage tool found' },
    ],
    [
      'coverage: a tool, no report yet',
      'coverage',
      {},
      profile({ 'coverage-tool': { value: 'coverage/lcov.info' } }),
      { action: 'keep', reason: 'coverage/lcov.info: the tool writes it with --coverage' },
    ],
    [
      'coverage: the report',
      'coverage',
      {},
      profile({ 'coverage-tool': { value: 'coverage.xml' }, 'coverage-report': { value: 'coverage.xml' } }),
      { action: 'keep', params: { file: 'coverage.xml' }, reason: 'coverage report exists' },
    ],
    [
      'health path=/ on an API',
      'health',
      { path: '/' },
      API,
      { action: 'dropped', reason: 'API only: no home page' },
    ],
    [
      'health path=/ with pages',
      'health',
      { path: '/' },
      SPA,
      { action: 'manual', reason: 'a page, not a health endpoint: open it after the deploy' },
    ],
    [
      'health on a SPA',
      'health',
      { path: '/health' },
      SPA,
      { action: 'manual', reason: "no health route in the sources of a SPA: the host's own checks apply" },
    ],
    [
      'health: the route found',
      'health',
      { path: '/health' },
      profile({
        server: {},
        'health-route': { value: '/healthz', why: "fastify.get('/healthz') in server.js" },
      }),
      { action: 'keep', params: { path: '/healthz' }, reason: "fastify.get('/healthz') in server.js" },
    ],
    [
      'health: a server without a route',
      'health',
      {},
      API,
      { action: 'keep', reason: 'no health route found: the check tells you until there is one' },
    ],
    [
      'env-secrets: a variable the app lacks',
      'env-secrets',
      { name: 'SQUARE_ACCESS_TOKEN' },
      API,
      { action: 'dropped', reason: 'the app neither documents nor reads SQUARE_ACCESS_TOKEN' },
    ],
    [
      'env-secrets: a variable the app reads',
      'env-secrets',
      { name: 'JWT_SECRET' },
      profile({ env: { values: ['JWT_SECRET'] } }),
      { action: 'keep', reason: '' },
    ],
    [
      'prometheus without metrics',
      'prometheus',
      { metric: 'p95' },
      API,
      {
        action: 'manual',
        reason:
          'no Prometheus metrics (prom-client, /metrics) found: read it from your monitoring (docs/telemetry.md)',
      },
    ],
    [
      'cutover-window without metrics',
      'cutover-window',
      {},
      API,
      {
        action: 'manual',
        reason: 'no Prometheus metrics (prom-client, /metrics) found: watch the window on your dashboards',
      },
    ],
    [
      'prometheus with metrics',
      'prometheus',
      {},
      profile({ 'prometheus-metrics': { value: 'yes', why: 'package.json depends on prom-client' } }),
      { action: 'keep', reason: 'package.json depends on prom-client' },
    ],
    ['tls: applies to any app', 'tls', {}, API, { action: 'keep', reason: '' }],
  ])('%s', (_name, id, params, app, expected) => {
    expect(fitOf(id, params, app)).toEqual(expected);
  });

  test('the checks whose items init fits have applicability; the others apply to any app', () => {
    expect(
      checkContracts.filter((contract) => contract.applicability).map((contract) => contract.id),
    ).toEqual([
      'env-secrets',
      'bundle-size',
      'lighthouse',
      'websocket',
      'coverage',
      'build-output',
      'migrations',
      'health',
      'prometheus',
      'cutover-window',
    ]);
  });

  test('additions: one per secret not already named, generated secrets long; the Lighthouse CI config once', () => {
    const secrets = findContract('env-secrets')?.applicability?.adds?.[0];
    const lhci = findContract('lighthouse')?.applicability?.adds?.[0];
    if (!secrets || !lhci) throw new Error('additions missing');
    const app = profile({
      secrets: { values: ['JWT_SECRET', 'STRIPE_API_SECRET', 'OPENAI_API_KEY', 'SESSION_SECRET'] },
      'lighthouse-ci': { value: '.lighthouserc.js' },
    });
    expect(addedItems(secrets, app, new Set(['SESSION_SECRET']))).toEqual([
      {
        text: '`JWT_SECRET` set for production',
        params: { name: 'JWT_SECRET', minLength: 32 },
        reason: 'the app documents or reads it',
      },
      {
        text: '`STRIPE_API_SECRET` set for production',
        params: { name: 'STRIPE_API_SECRET' },
        reason: 'the app documents or reads it',
      },
      {
        text: '`OPENAI_API_KEY` set for production',
        params: { name: 'OPENAI_API_KEY' },
        reason: 'the app documents or reads it',
      },
    ]);
    expect(addedItems(lhci, app)).toEqual([
      {
        text: 'Lighthouse CI assertions pass (.lighthouserc.js)',
        params: { metric: 'lhci' },
        reason: '.lighthouserc.js exists: its assertions judged as lhci assert does',
      },
    ]);
    expect(addedItems(lhci, profile({}))).toEqual([]);
  });
});

/** Every text and parameter an applicability writes, with where it is. */
function textsOf(applicability: Applicability): [string, string][] {
  return [
    ...(applicability.params ?? []).flatMap((rule, i) => [
      [`params[${i}].reason`, rule.reason] as [string, string],
      ...(rule.needs ?? []).map(
        (need, j) => [`params[${i}].needs[${j}]`, need.reason ?? ''] as [string, string],
      ),
    ]),
    ...(applicability.needs ?? []).map((need, i) => [`needs[${i}]`, need.reason ?? ''] as [string, string]),
    ...(applicability.bind ?? []).flatMap((binding, i) => [
      [`bind[${i}].reason`, binding.reason] as [string, string],
      ...Object.entries(binding.params ?? {}).map(
        ([key, text]) => [`bind[${i}].${key}`, text] as [string, string],
      ),
    ]),
    ...(applicability.adds ?? []).flatMap((addition, i) => [
      [`adds[${i}].text`, addition.text] as [string, string],
      [`adds[${i}].reason`, addition.reason] as [string, string],
      ...Object.entries(addition.params).map(
        ([key, value]) => [`adds[${i}].${key}`, String(value)] as [string, string],
      ),
    ]),
  ];
}

describe.each(checkContracts.filter((contract) => contract.applicability).map((c) => [c.id, c] as const))(
  '%s: applicability is well-formed',
  (_id, contract) => {
    const applicability = contract.applicability as Applicability;
    const known = paramNames(contract.params) ?? [];

    test('every {placeholder} is a trait or a known word', () => {
      const bad = textsOf(applicability).flatMap(([where, text]) =>
        unknownPlaceholders(text).map((name) => `${where}: {${name}}`),
      );
      expect(bad).toEqual([]);
    });

    test('every trait it names exists', () => {
      const traits = [
        ...(applicability.needs ?? []).flatMap((need) => need.trait),
        ...(applicability.params ?? []).flatMap((rule) => [
          ...(rule.notAmong ? [rule.notAmong] : []),
          ...(rule.needs ?? []).flatMap((need) => need.trait),
        ]),
        ...(applicability.bind ?? []).flatMap((binding) => (binding.when ? [binding.when] : [])),
        ...(applicability.adds ?? []).map((addition) => addition.trait),
      ];
      expect(traits.filter((trait) => !isAppTrait(trait))).toEqual([]);
    });

    test('the parameters it reads and binds are the check’s own; what it adds validates', () => {
      const used = [
        ...(applicability.params ?? []).map((rule) => rule.param),
        ...(applicability.bind ?? []).flatMap((binding) => Object.keys(binding.params ?? {})),
        ...(applicability.adds ?? []).flatMap((addition) => [
          ...Object.keys(addition.params),
          ...(addition.unlessParam ? [addition.unlessParam] : []),
          ...('each' in addition.after ? Object.keys(addition.after.each) : []),
          ...(addition.paramsFor ?? []).flatMap((more) => Object.keys(more.params)),
        ]),
      ];
      expect(used.filter((name) => !known.includes(name))).toEqual([]);
      for (const addition of applicability.adds ?? []) {
        if ('last' in addition.after)
          expect(addition.after.last.filter((id) => !findContract(id))).toEqual([]);
        const app = profile({ [addition.trait]: { value: 'x', values: ['JWT_SECRET'] } });
        for (const added of addedItems(addition, app))
          expect(strictParams(contract.params).safeParse(added.params).success).toBe(true);
      }
    });
  },
);
