import { parseConfig } from '../../src/core/config-file.js';
import { renderComment } from '../../src/core/render.js';
import { parseChecklistComment } from '../../src/core/parse.js';
import { evaluateGate } from '../../src/core/gate.js';
import { template } from '../helpers/core-builders.js';

function time(name: string, fn: () => unknown) {
  const t = Date.now();
  let out: unknown;
  try { out = fn(); } catch (e) { out = (e as Error).message.slice(0, 300); }
  console.log(name, Date.now() - t, 'ms', JSON.stringify(out)?.slice(0, 300));
}
it('probe', () => {
  time('directive rep', () => template(`## S\n- [ ] x ${'<!-- shipgate: -->x'.repeat(5000)}`).items.length);
  const cl = template(`## S\n${'{{a|'.repeat(10000)}\n- [ ] x`);
  const gate = evaluateGate({ checklist: cl, states: {}, headSha: 'a', phase: 'pre-merge' });
  time('placeholder', () => renderComment({ checklist: cl, states: {}, headSha: 'a', variables: {}, gate }).length);
  time('parse comments', () => parseChecklistComment(`- [ ] ${'<!--'.repeat(10000)}`, cl).items.size);
  time('cfg nest 20k', () => parseConfig(`roles: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, 'c.yml'));
  time('cfg nest map', () => parseConfig(`roles: ${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n`, 'c.yml'));
  time('cfg nul', () => parseConfig(`environment: sta\u0000ging\n`, 'c.yml'));
  time('cfg nul2', () => parseConfig(`environment: "sta\u0000ging"\n`, 'c.yml'));
  time('cfg fffd', () => parseConfig(`template: "a\uFFFDb"\n`, 'c.yml'));
  time('cfg crlf', () => parseConfig(`environment: staging\r\ntempalte: x\r\n`, 'c.yml'));
  time('cfg role key', () => parseConfig(`roles:\n  "qa<img src=x onerror=alert(1)>":\n    users: [a]\n`, 'c.yml'));
  time('cfg deep type', () => parseConfig(`invalidateOnPush:\n  signoffs: "yes"\ntarget:\n  url: "javascript:alert(1)"\n  startTimeoutMs: 1.5\nchecks:\n  bundle-size:\n    limit: [1]\n`, 'c.yml'));
  time('cfg alias key', () => parseConfig(`a: &x [1]\n*x : 2\n`, 'c.yml'));
  time('cfg merge', () => parseConfig(`base: &b {environment: staging}\n<<: *b\n`, 'c.yml'));
  time('cfg tag', () => parseConfig(`environment: !!js/function "x"\n`, 'c.yml'));
  time('cfg multi doc', () => parseConfig(`environment: staging\n---\nenvironment: production\n`, 'c.yml'));
  time('cfg empty', () => parseConfig(``, 'c.yml'));
  time('cfg proto', () => parseConfig(`__proto__: {polluted: 1}\n`, 'c.yml'));
  time('cfg contacts proto', () => parseConfig(`contacts:\n  __proto__: {name: x}\n`, 'c.yml'));
});
