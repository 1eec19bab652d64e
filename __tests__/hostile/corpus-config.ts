import { aliasBomb, type RejectCase } from './corpus.js';

/** `.github/shipgate.yml` inputs that must be rejected, each with the line the problem points at. */
export const configRejects: RejectCase[] = [
  {
    name: 'tab indentation',
    text: () => 'release:\n\tbranches: [main]\n',
    line: 2,
    message: /YAML: Tabs are not allowed/,
  },
  {
    name: 'unclosed flow sequence',
    text: () => 'concurrency: 2\nroles: [a, b\n',
    line: 2,
    message: /YAML: .*end with a \]/,
  },
  {
    name: 'unclosed flow mapping',
    text: () => 'contacts: { dev: { name: x }\n',
    line: 1,
    message: /YAML:/,
  },
  {
    name: 'duplicate keys',
    text: () => 'environment: staging\nconcurrency: 2\nenvironment: production\n',
    line: 3,
    message: /YAML: Map keys must be unique/,
  },
  {
    name: 'a second YAML document',
    text: () => 'environment: staging\n---\nenvironment: production\n',
    line: 2,
    message: /YAML: .*multiple documents/,
  },
  {
    name: 'top-level typo (tempalte)',
    text: () => 'environment: staging\n\ntempalte: docs/release.md\n',
    line: 3,
    message: /\(top level\): Unrecognized key: "tempalte"/,
  },
  {
    name: 'typo at depth 2 (branchs)',
    text: () => 'release:\n  labels: [release]\n  branchs: [main]\n',
    line: 3,
    message: /release: Unrecognized key: "branchs"/,
  },
  {
    name: 'typo at depth 3 (role "user")',
    text: () => 'roles:\n  qa-lead:\n    teams: [acme/qa]\n    user: [quinn]\n',
    line: 4,
    message: /roles\.qa-lead: Unrecognized key: "user"/,
  },
  {
    name: 'wrong type at the top (boolean as text)',
    text: () => 'separationOfDuties: "yes"\n',
    line: 1,
    message: /separationOfDuties: .*expected boolean/,
  },
  {
    name: 'wrong type at depth 2 (string for a list)',
    text: () => 'release:\n  branches: release/*\n',
    line: 2,
    message: /release\.branches: .*expected array/,
  },
  {
    name: 'wrong type at depth 4 (number as a login)',
    text: () => 'roles:\n  qa-lead:\n    users:\n      - quinn\n      - 42\n',
    line: 5,
    message: /roles\.qa-lead\.users\.1: .*expected string/,
  },
  {
    name: 'wrong enum value',
    text: () => 'manualPermission: owner\n',
    line: 1,
    message: /manualPermission: Invalid option/,
  },
  {
    name: 'negative and fractional numbers',
    text: () => 'concurrency: 2\ntimeoutMs: -5\n',
    line: 2,
    message: /timeoutMs: Too small/,
  },
  {
    name: 'role name with HTML injection',
    text: () => 'roles:\n  "qa<img src=x onerror=alert(1)>": { users: [quinn] }\n',
    line: 2,
    message: /roles\.qa<img src=x onerror=alert\(1\)>: Invalid key in record/,
  },
  {
    name: 'team with an @ and a script tag',
    text: () => 'roles:\n  qa:\n    teams: ["@org/team<script>"]\n',
    line: 3,
    message: /roles\.qa\.teams\.0: expected "org\/team-slug"/,
  },
  {
    name: 'javascript: target url',
    text: () => 'target:\n  url: "javascript:alert(1)"\n',
    line: 2,
    message: /target\.url: expected an http:\/\/ or https:\/\/ URL/,
  },
  {
    name: 'list as a check parameter',
    text: () => 'checks:\n  bundle-size:\n    limit: [1, 2]\n',
    line: 3,
    message: /checks\.bundle-size\.limit:/,
  },
  {
    name: 'merge key (<<) is not a shipgate key',
    text: () => 'base: &b { environment: staging }\n<<: *b\n',
    line: 1,
    message: /Unrecognized keys: "base", "<<"/,
  },
  {
    name: '__proto__ key',
    text: () => 'concurrency: 2\n__proto__: { polluted: true }\n',
    line: 2,
    message: /Unrecognized key: "__proto__"/,
  },
  {
    name: 'a scalar document',
    text: () => 'just some text\n',
    line: 1,
    message: /config must be a mapping/,
  },
  {
    name: 'billion laughs (alias bomb)',
    text: () => `concurrency: 2\n${aliasBomb()}\n`,
    line: 3,
    message: /YAML: .*alias/i,
  },
  {
    name: '10,000-level flow nesting',
    text: () => `checks: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    line: 1,
    message: /config nests deeper than 32 levels/,
  },
  {
    name: '10,000-level block sequence nesting (- - - -)',
    text: () => `checks:\n  x: ${'- '.repeat(10_000)}deep\n`,
    line: 2,
    message: /config nests deeper than 32 levels/,
  },
  {
    name: 'thousands of wrong items, each with its own line',
    text: () => `release:\n  labels:\n${Array.from({ length: 3000 }, (_, i) => `    - ${i}`).join('\n')}\n`,
    line: 3002,
    message: /release\.labels\.2999: .*expected string/,
  },
  {
    name: 'larger than 64 KB',
    text: () => `# ${'x'.repeat(70_000)}\nconcurrency: 2\n`,
    line: 1,
    message: /config is larger than 65536 bytes/,
  },
  {
    name: '1 MB single line',
    text: () => `template: "${'a'.repeat(1024 * 1024)}"\n`,
    line: 1,
    message: /config is larger than 65536 bytes/,
  },
  {
    name: 'under 64 K characters but over 64 KB (multi-byte)',
    text: () => `# ${'€'.repeat(30_000)}\nconcurrency: 2\n`,
    line: 1,
    message: /config is larger than 65536 bytes/,
  },
  {
    name: 'NUL byte',
    text: () => 'concurrency: 2\ncontacts:\n  dev: { name: "a\u0000b" }\n',
    line: 3,
    message: /control character U\+0000/,
  },
  {
    name: 'invalid UTF-8',
    bytes: () => Buffer.concat([Buffer.from('concurrency: 2\ntemplate: "'), Buffer.from([0xc3, 0x28, 0x22])]),
    text: () =>
      Buffer.concat([Buffer.from('concurrency: 2\ntemplate: "'), Buffer.from([0xc3, 0x28, 0x22])]).toString(
        'utf8',
      ),
    line: 2,
    message: /not valid UTF-8/,
  },
  {
    name: 'BOM and CRLF line endings keep line numbers',
    text: () => '\uFEFFconcurrency: 2\r\nenvironment: staging\r\ntempalte: x\r\n',
    line: 3,
    message: /Unrecognized key: "tempalte"/,
  },
];
