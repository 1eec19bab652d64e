/**
 * The Action uses the repository's own Lighthouse (its devDependency, or @lhci/cli's) when the
 * workflow installed the workspace's dependencies, instead of installing the pinned one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { workspaceLighthouse } from '../../src/action/tools/lighthouse.js';
import { actionTools } from '../../src/action/tools/resolver.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A workspace whose node_modules holds `lighthouse` at `version` under `prefix` (relative). */
function workspaceWith(installs: { prefix: string; version: string }[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipgate-ws-'));
  dirs.push(dir);
  for (const { prefix, version } of installs) {
    const pkg = path.join(dir, prefix, 'node_modules', 'lighthouse');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'lighthouse', version }));
  }
  return dir;
}

describe("the workspace's own Lighthouse", () => {
  it.each([
    { name: 'a devDependency', installs: [{ prefix: '', version: '12.6.1' }], at: '', version: '12.6.1' },
    {
      name: "@lhci/cli's own copy",
      installs: [{ prefix: 'node_modules/@lhci/cli', version: '12.1.0' }],
      at: 'node_modules/@lhci/cli',
      version: '12.1.0',
    },
    {
      name: 'the hoisted one before a nested one',
      installs: [
        { prefix: '', version: '11.7.1' },
        { prefix: 'node_modules/@lhci/cli', version: '12.1.0' },
      ],
      at: '',
      version: '11.7.1',
    },
  ])('$name is used', async ({ installs, at, version }) => {
    const workspace = workspaceWith(installs);
    expect(await workspaceLighthouse(workspace)).toEqual({ dir: path.join(workspace, at), version });
  });

  it.each([
    { name: 'none installed', installs: [] },
    { name: 'older than the worker supports (9.x)', installs: [{ prefix: '', version: '9.6.8' }] },
  ])('$name: not used', async ({ installs }) => {
    expect(await workspaceLighthouse(workspaceWith(installs))).toBeUndefined();
  });

  it("the real repository's Lighthouse resolves from the prefix the worker is given", async () => {
    const own = await workspaceLighthouse(ROOT);
    expect(own?.dir).toBe(ROOT);
    const { createRequire } = await import('node:module');
    expect(createRequire(path.join(ROOT, 'package.json')).resolve('lighthouse')).toContain(
      'node_modules/lighthouse',
    );
  });

  it('the Action provides it without installing anything (no npm on PATH)', async () => {
    const workspace = workspaceWith([{ prefix: '', version: '12.6.1' }]);
    const messages: string[] = [];
    const tools = actionTools({ PATH: '' }, (m) => messages.push(m), workspace);
    expect(await tools.provideLighthouse?.()).toEqual({ ok: true, dir: workspace, hit: true });
    expect(messages).toEqual([`shipgate: using the workspace's lighthouse@12.6.1 (${workspace})`]);
  });
});
