import { createAuditLink, parseAuditPath, verifyAuditLink } from '../../src/audit/audit-link.js';

const SECRET = 'audit-link-secret';
const NOW = new Date('2026-11-25T12:00:00Z');
const LATER = new Date('2026-11-25T13:00:00Z');
const target = { owner: 'acme', repo: 'restaurant-os', pr: 412 };

describe('audit links', () => {
  const link = createAuditLink(
    'https://bot.example.com/shipgate/',
    { ...target, viewer: 'qa-lena', expiresAt: LATER },
    SECRET,
  );

  it('signs the path, expiry and viewer under the base URL', () => {
    const url = new URL(link);
    expect(url.pathname).toBe('/shipgate/audit/acme/restaurant-os/412');
    expect(url.searchParams.get('exp')).toBe(String(LATER.getTime() / 1000));
    expect(url.searchParams.get('sig')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const path = `${url.pathname.replace('/shipgate', '')}${url.search}`;
    expect(verifyAuditLink(path, SECRET, NOW)).toEqual({
      status: 'ok',
      target,
      viewer: 'qa-lena',
      expiresAt: LATER,
    });
  });

  it('expires', () => {
    const path = link.replace('https://bot.example.com/shipgate', '');
    expect(verifyAuditLink(path, SECRET, LATER)).toEqual({ status: 'expired', expiresAt: LATER });
  });

  const path = link.replace('https://bot.example.com/shipgate', '');
  it.each([
    ['another PR', path.replace('/412', '/413')],
    ['another repo', path.replace('/restaurant-os/', '/payments/')],
    ['a later expiry', path.replace(/exp=\d+/, `exp=${LATER.getTime() / 1000 + 86_400}`)],
    ['another viewer', path.replace('viewer=qa-lena', 'viewer=mallory')],
    ['no viewer', path.replace('viewer=qa-lena&', '')],
    ['no signature', path.replace(/&sig=[^&]+/, '')],
    ['no expiry', path.replace(/exp=\d+&/, '')],
    ['a malformed expiry', path.replace(/exp=\d+/, 'exp=1e12')],
  ])('refuses a link with %s', (_name, changed) => {
    expect(verifyAuditLink(changed, SECRET, NOW).status).toBe('bad-signature');
  });

  it('refuses a link signed with another secret', () => {
    expect(verifyAuditLink(path, 'other-secret', NOW).status).toBe('bad-signature');
  });

  it('refuses names that are not GitHub names, and parses only audit paths', () => {
    expect(() =>
      createAuditLink('https://x.test', { ...target, owner: '../etc', expiresAt: LATER }, SECRET),
    ).toThrow();
    expect(() => createAuditLink('https://x.test', { ...target, pr: 0, expiresAt: LATER }, SECRET)).toThrow();
    expect(() =>
      createAuditLink('https://x.test', { ...target, viewer: '<b>', expiresAt: LATER }, SECRET),
    ).toThrow();
    expect(parseAuditPath('/audit/acme/restaurant-os/412')).toEqual(target);
    expect(parseAuditPath('/audit/acme/restaurant-os/412/extra')).toBeUndefined();
    expect(parseAuditPath('/audit/../x/1')).toBeUndefined();
    expect(parseAuditPath('/other/acme/x/1')).toBeUndefined();
  });
});
