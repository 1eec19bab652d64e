/**
 * `decide` only decides (docs/architecture.md, the path of a tick): every step's `decide` in the
 * bot returns plain data — ledger events, effects, an outcome — and performs no I/O and changes
 * nothing outside itself. The runner (src/bot/pr/run-step.ts) reads before it and performs the
 * effects after it. Checked on the syntax tree of every source file that defines a step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from '@swc/core';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** swc's AST, walked generically: every node is an object with a `type`. */
type Node = { type: string; [key: string]: unknown };
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'span') continue;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (isNode(item)) out.push(item);
        // call arguments are { spread, expression } without a type
        else if (item && typeof item === 'object' && isNode((item as { expression?: unknown }).expression))
          out.push((item as { expression: Node }).expression);
      }
    } else if (isNode(value)) out.push(value);
    else if (value && typeof value === 'object' && isNode((value as { expression?: unknown }).expression))
      out.push((value as { expression: Node }).expression);
  }
  return out;
}

function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const child of children(node)) walk(child, visit);
}

const nameOf = (node: unknown): string | undefined =>
  isNode(node) && node.type === 'Identifier' ? (node.value as string) : undefined;

/** The `decide` functions of a file: `decide(…) {…}` methods and `decide: (…) => …` properties. */
function decideFunctions(source: string): Node[] {
  const program = parseSync(source, { syntax: 'typescript' }) as unknown as Node;
  const found: Node[] = [];
  walk(program, (node) => {
    if (node.type === 'MethodProperty' && nameOf(node.key) === 'decide') found.push(node);
    if (
      node.type === 'KeyValueProperty' &&
      nameOf(node.key) === 'decide' &&
      isNode(node.value) &&
      /Function/.test(node.value.type)
    )
      found.push(node.value);
  });
  return found;
}

/** Names bound by a pattern (parameters, destructuring). */
function boundNames(pattern: unknown, into: Set<string>): void {
  if (!isNode(pattern)) return;
  if (pattern.type === 'Identifier' || pattern.type === 'BindingIdentifier')
    into.add(pattern.value as string);
  if (pattern.type === 'Parameter') boundNames(pattern.pat, into);
  if (pattern.type === 'AssignmentPattern') boundNames(pattern.left, into);
  if (pattern.type === 'RestElement') boundNames(pattern.argument, into);
  if (pattern.type === 'ArrayPattern')
    for (const element of pattern.elements as unknown[]) boundNames(element, into);
  if (pattern.type === 'ObjectPattern')
    for (const property of pattern.properties as Node[]) {
      if (property.type === 'KeyValuePatternProperty') boundNames(property.value, into);
      else if (property.type === 'AssignmentPatternProperty') boundNames(property.key, into);
      else boundNames(property, into);
    }
}

/** The variable a member chain starts from (`a` in `a.b.c`, `a?.b[c]`). */
function rootOf(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Identifier') return node.value as string;
  if (node.type === 'MemberExpression' || node.type === 'OptionalChainingExpression')
    return rootOf(node.object ?? node.base);
  if (node.type === 'CallExpression') return rootOf(node.callee);
  if (node.type === 'TsNonNullExpression' || node.type === 'ParenthesisExpression')
    return rootOf(node.expression);
  return undefined;
}

const MUTATORS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'set',
  'delete',
  'add',
  'clear',
  'sort',
  'reverse',
]);
/** The writer, the effects, the stores: called by the runner, never from a decide. */
const IO_CALLEES =
  /^(write|publish|reply|dispatch|open|draft|note|save|load|forget|remember|recall|attach|report|review|sample|fetch|evidenceSource|lookUp|permissionOf|inRoleTeams|pullNotApplicable|pullFiles|releaseVersion|getPull|getSetup|findChecklistComment|decideChanges)/;

/** What a decide does that it must not: each problem as a short sentence. */
function decideProblems(source: string): { decides: number; problems: string[] } {
  const problems: string[] = [];
  const decides = decideFunctions(source);
  for (const decide of decides) {
    const fn = (decide.type === 'MethodProperty' ? decide : decide) as Node;
    if (fn.async === true) problems.push('decide is async');
    // only variables the decide declares itself may change
    const locals = new Set<string>();
    walk(fn.body as Node, (node) => {
      if (node.type === 'VariableDeclarator') boundNames(node.id, locals);
      if (node.type === 'FunctionDeclaration') boundNames(node.identifier, locals);
    });
    const inner = new Set(locals);
    walk(fn.body as Node, (node) => {
      if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression')
        for (const param of node.params as unknown[]) boundNames(param, inner);
    });
    walk(fn.body as Node, (node) => {
      if (node.type === 'AwaitExpression') problems.push('decide awaits');
      if (node.type === 'MemberExpression' && nameOf(node.property) === 'gh')
        problems.push('decide uses the GitHub adapter (.gh)');
      if (node.type === 'MemberExpression' && ['memory', 'coordinator'].includes(nameOf(node.property) ?? ''))
        problems.push(`decide reaches the bot's ${nameOf(node.property)}`);
      if (node.type === 'AssignmentExpression') {
        const target = rootOf(node.left) ?? nameOf(node.left);
        if (!target || !inner.has(target))
          problems.push(`decide assigns to ${target ?? 'something'} outside itself`);
      }
      if (node.type === 'UpdateExpression') {
        const target = rootOf(node.argument);
        if (!target || !inner.has(target))
          problems.push(`decide changes ${target ?? 'something'} outside itself`);
      }
      if (node.type === 'UnaryExpression' && node.operator === 'delete') {
        const target = rootOf(node.argument);
        if (!target || !inner.has(target))
          problems.push(`decide deletes from ${target ?? 'something'} outside itself`);
      }
      if (node.type === 'CallExpression') {
        const callee = node.callee as Node;
        const called =
          nameOf(callee) ?? (callee.type === 'MemberExpression' ? nameOf(callee.property) : undefined);
        if (called && IO_CALLEES.test(called)) problems.push(`decide calls ${called}`);
        if (callee.type === 'MemberExpression' && MUTATORS.has(nameOf(callee.property) ?? '')) {
          const target = rootOf(callee.object);
          if (!target || !inner.has(target))
            problems.push(
              `decide calls ${nameOf(callee.property)} on ${target ?? 'something'} outside itself`,
            );
        }
      }
    });
  }
  return { decides: decides.length, problems };
}

const stepFiles = ['src/bot/events', 'src/bot/cutover', 'src/bot/pr', 'src/app/server']
  .flatMap((dir) => readdirSync(path.join(root, dir)).map((file) => path.join(dir, file)))
  .filter((file) => file.endsWith('.ts'))
  .filter((file) => /\brunPrStep\(/.test(readFileSync(path.join(root, file), 'utf8')))
  .sort();

describe('decide only decides', () => {
  it('finds the steps (the check is not vacuous)', () => {
    expect(stepFiles.length).toBeGreaterThan(12);
    const total = stepFiles.reduce(
      (sum, file) => sum + decideProblems(readFileSync(path.join(root, file), 'utf8')).decides,
      0,
    );
    expect(total).toBeGreaterThanOrEqual(18);
  });

  it.each(stepFiles)('%s: every decide returns data, with no I/O and no outer state changed', (file) => {
    expect(decideProblems(readFileSync(path.join(root, file), 'utf8')).problems).toEqual([]);
  });

  // the checker itself, on the shapes it must refuse (the rollback and the cutover timer as they were)
  it.each([
    [
      'opens the incident inside decide and hands it on through a closure',
      `let answer; runPrStep(scope, 1, { async decide(session) {
         const incident = await openIncident(scope, issue);
         answer = 'Incident #' + incident;
         return { events: [] };
       } });`,
      [
        'decide is async',
        'decide awaits',
        'decide calls openIncident',
        'decide assigns to answer outside itself',
      ],
    ],
    [
      'saves readings and pushes into an outer result',
      `const result = { decided: [] }; runPrStep(scope, 1, { decide: async (session) => {
         result.decided.push(1); result.sampled++;
         await saveReadings(scope.bot, session.key, {});
       } });`,
      [
        'decide is async',
        'decide calls push on result outside itself',
        'decide changes result outside itself',
        'decide awaits',
        'decide calls saveReadings',
      ],
    ],
    [
      'reads GitHub and the caches, mutates the session',
      `runPrStep(scope, 1, { decide(session) {
         scope.gh.listCheckRuns('x'); scope.bot.memory.notes.get('k'); delete session.comment;
       } });`,
      [
        'decide uses the GitHub adapter (.gh)',
        "decide reaches the bot's memory",
        'decide deletes from session outside itself',
      ],
    ],
  ])('refuses a decide that %s', (_what, source, expected) => {
    const { decides, problems } = decideProblems(source);
    expect(decides).toBe(1);
    expect([...new Set(problems)].sort()).toEqual([...new Set(expected)].sort());
  });

  it('accepts a decide that builds its own data and returns effects', () => {
    const source = `runPrStep(scope, 1, { read: (session) => lookUp(session), decide(session, read, performed) {
      const events = []; let line = 'x'; line += 'y'; events.push({ t: 'tick' });
      const seen = new Map(); seen.set('a', 1);
      return { events, effects: [{ kind: 'reply', body: line }], outcome: read.items.map((item) => item.id) };
    } });`;
    expect(decideProblems(source)).toEqual({ decides: 1, problems: [] });
  });
});
