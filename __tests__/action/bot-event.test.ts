/** Bot mode's event rules: which events are the bot's own, re-runs of an edit, the Actions app id. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  actionsAppId,
  commentEditOf,
  editAlreadyApplied,
  ownEventReason,
  readWorkflowEvent,
} from '../../src/action/bot-event.js';
import { encodeStateBlock } from '../../src/core/comment/state-block.js';
import { appendEvents, emptyLedger } from '../../src/core/ledger/ledger.js';
import { removeDirs, tempDir } from '../helpers/repo-temp.js';

const SECRET = 'unit-ledger-secret-0123456789';
const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

const edit = (sender: string, from: string, body: string, updatedAt = '2026-01-02T03:04:05Z') => ({
  action: 'edited',
  sender: { login: sender },
  comment: { id: 9, body, updated_at: updatedAt },
  issue: { number: 42 },
  changes: { body: { from } },
});

describe('readWorkflowEvent', () => {
  it('reads the payload, maps pull_request_target and builds the delivery id from the run', () => {
    const dir = tempDir('shipgate-bot-event-');
    dirs.push(dir);
    const path = join(dir, 'event.json');
    writeFileSync(path, JSON.stringify({ action: 'opened' }));
    const env = { GITHUB_EVENT_PATH: path, GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '2' };
    expect(readWorkflowEvent({ ...env, GITHUB_EVENT_NAME: 'pull_request_target' })).toEqual({
      name: 'pull_request',
      trigger: 'pull_request_target',
      id: '77-2',
      payload: { action: 'opened' },
    });
    expect(readWorkflowEvent({ ...env, GITHUB_EVENT_NAME: 'push' })).toBeUndefined();
    writeFileSync(path, '[1]');
    expect(() => readWorkflowEvent({ ...env, GITHUB_EVENT_NAME: 'issue_comment' })).toThrow(
      'the event payload at GITHUB_EVENT_PATH is not a JSON object',
    );
  });
});

describe('ownEventReason', () => {
  it("ignores the bot's comments and check runs, never shipgate/checks results or people", () => {
    const bot = { login: 'github-actions[bot]' };
    expect(ownEventReason('issue_comment', { sender: bot })).toContain('own write');
    expect(ownEventReason('check_run', { sender: bot, check_run: { name: 'shipgate' } })).toBeDefined();
    expect(
      ownEventReason('check_run', { sender: bot, check_run: { name: 'shipgate/checks' } }),
    ).toBeUndefined();
    expect(ownEventReason('issue_comment', { sender: { login: 'bob' } })).toBeUndefined();
    expect(ownEventReason('pull_request', { sender: bot })).toBeUndefined();
  });
});

describe('editAlreadyApplied', () => {
  const before = '- [ ] A <!-- sg:a -->\n- [ ] B <!-- sg:b -->';
  const after = '- [x] A <!-- sg:a -->\n- [ ] B <!-- sg:b -->';

  it('finds the edited items and recognises a ledger entry stamped with the edit time', () => {
    const parsed = commentEditOf('issue_comment', edit('bob', before, after));
    expect(parsed?.items).toEqual(new Set(['a']));
    if (!parsed) throw new Error('unreachable');
    const at = parsed.at.toISOString();
    const ledger = appendEvents(
      emptyLedger(SECRET),
      [{ t: 'tick', item: 'a', by: 'bob', at, sha: 'f'.repeat(40) }],
      SECRET,
    );
    const body = `${after}\n${encodeStateBlock(ledger)}`;
    expect(editAlreadyApplied(body, parsed, SECRET)).toBe(true);
    // someone else, another item, another time, or a ledger signed with another key: not handled
    expect(editAlreadyApplied(body, { ...parsed, actor: 'erin' }, SECRET)).toBe(false);
    expect(editAlreadyApplied(body, { ...parsed, items: new Set(['b']) }, SECRET)).toBe(false);
    expect(editAlreadyApplied(body, { ...parsed, at: new Date(parsed.at.getTime() + 1000) }, SECRET)).toBe(
      false,
    );
    expect(editAlreadyApplied(body, parsed, 'another-secret-0123456789')).toBe(false);
    expect(editAlreadyApplied(undefined, parsed, SECRET)).toBe(false);
  });

  it('is only about comment edits', () => {
    expect(
      commentEditOf('issue_comment', { ...edit('bob', before, after), action: 'created' }),
    ).toBeUndefined();
    expect(commentEditOf('pull_request', edit('bob', before, after))).toBeUndefined();
  });
});

describe('actionsAppId', () => {
  it("is GitHub.com's Actions app unless SHIPGATE_ACTIONS_APP_ID names another", () => {
    expect(actionsAppId({})).toBe(15368);
    expect(actionsAppId({ SHIPGATE_ACTIONS_APP_ID: '42' })).toBe(42);
    expect(actionsAppId({ SHIPGATE_ACTIONS_APP_ID: 'x' })).toBe(15368);
  });
});
