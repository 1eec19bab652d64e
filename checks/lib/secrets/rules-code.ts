/** Source hosting, package registries and developer tools. */
import { hasValidChecksum } from './checksum.js';
import { keyedPattern, prefixedPattern, R, type SecretRule } from './rule.js';

const crcAfterPrefix = (prefixLength: number) => (secret: string) =>
  secret.length === prefixLength + 36 && hasValidChecksum(secret.slice(prefixLength));

export const CODE_RULES: readonly SecretRule[] = [
  {
    // https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
    // https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app
    // (installation tokens since 2026: ghs_APPID_JWT, ~520 characters)
    id: 'github-token',
    family: 'github',
    description: 'GitHub token (ghp_, gho_, ghu_, ghs_, ghr_; ghs_APPID_JWT installation tokens)',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: prefixedPattern(
      String.raw`ghs_\d{1,12}_eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}|gh[pousr]_[A-Za-z0-9]{36,251}`,
    ),
    visible: 4,
    minEntropy: 3,
    checksum: crcAfterPrefix(4),
  },
  {
    // https://github.blog/changelog/2022-10-18-introducing-fine-grained-personal-access-tokens/
    id: 'github-fine-grained-pat',
    family: 'github',
    description: 'GitHub fine-grained personal access token (github_pat_)',
    keywords: ['github_pat_'],
    pattern: prefixedPattern('github_pat_[A-Za-z0-9_]{70,255}'),
    visible: 11,
    minEntropy: 3,
    // `github_pat_<22 id>_<59>`: the second part ends with the same base62 CRC32 of the part before it
    checksum: (secret) => {
      const parts = /^github_pat_([A-Za-z0-9]{22})_([A-Za-z0-9]{59})$/.exec(secret);
      return !!parts && (hasValidChecksum(parts[2] ?? '') || hasValidChecksum(`${parts[1]}_${parts[2]}`));
    },
  },
  {
    // https://docs.gitlab.com/security/tokens/#token-prefixes (routable tokens end `.01.<crc>`)
    id: 'gitlab-token',
    family: 'gitlab',
    description:
      'GitLab token (glpat-, gloas-, gldt-, glrt-, glcbt-, glptt-, glft-, glimt-, glagent-, glsoat-, glffct-, GR1348941)',
    keywords: [
      'glpat-',
      'gloas-',
      'gldt-',
      'glrt-',
      'glrtr-',
      'glcbt-',
      'glptt-',
      'glft-',
      'glimt-',
      'glagent-',
      'glsoat-',
      'glffct-',
      'glwt-',
      'gr1348941',
      '_gitlab_session=',
    ],
    pattern: prefixedPattern(
      String.raw`(?:glpat|gloas|gldt|glrtr?|glptt|glft|glimt|glagent|glsoat|glffct|glwt)-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,12})?|glcbt-(?:[0-9a-zA-Z]{1,5}_)?[A-Za-z0-9_-]{20,64}|GR1348941[A-Za-z0-9_-]{20,64}|(?<=_gitlab_session=)[0-9a-z]{32}`,
    ),
    visible: 6,
    minEntropy: 3,
  },
  {
    // https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/
    id: 'npm-token',
    family: 'npm',
    description: 'npm access token (npm_, base62 CRC32 in the last six characters)',
    keywords: ['npm_'],
    pattern: prefixedPattern('npm_[A-Za-z0-9]{36}'),
    visible: 4,
    minEntropy: 3,
    checksum: crcAfterPrefix(4),
  },
  {
    // https://pypi.org/help/#apitoken (macaroons: `pypi-` + base64url of a serialized macaroon
    // whose location is pypi.org / test.pypi.org, hence `AgEIcHlwaS5vcmc` / `AgENdGVzdC5weXBpLm9yZw`)
    id: 'pypi-token',
    family: 'pypi',
    description: 'PyPI API token (pypi-AgEIcHlwaS5vcmc…, TestPyPI pypi-AgENdGVzdC5weXBpLm9yZw…)',
    keywords: ['pypi-age'],
    pattern: prefixedPattern(
      'pypi-AgE[A-Za-z0-9_-]{0,30}(?:cHlwaS5vcmc|dGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{40,400}',
    ),
    visible: 5,
    minEntropy: 3.5,
  },
  {
    // https://developer.atlassian.com/cloud/confluence/basic-auth-for-rest-apis/ (ATATT3… API tokens)
    id: 'atlassian-api-token',
    family: 'atlassian',
    description:
      'Atlassian API token (ATATT3…, ATCTT3…, or 24 characters next to an Atlassian/Jira/Confluence key name)',
    keywords: ['atatt3', 'atctt3', 'atlassian', 'confluence', 'jira'],
    // classic API tokens: 24 characters under an Atlassian, Confluence or Jira key name
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<psecret>AT[AC]TT3[A-Za-z0-9_=+/-]{150,300})${R}|${keyedPattern('atlassian|confluence|jira', '[A-Za-z0-9]{24}').source}`,
      'gi',
    ),
    visible: 6,
    minEntropy: 4,
  },
  {
    // https://linear.app/developers/graphql#personal-api-keys
    id: 'linear-api-key',
    family: 'linear',
    description: 'Linear API key (lin_api_, lin_oauth_)',
    keywords: ['lin_api_', 'lin_oauth_', 'linear'],
    // OAuth client secrets: 32 hex under a Linear key name
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<psecret>lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})${R}|${keyedPattern('linear', '[a-f0-9]{32}').source}`,
      'gi',
    ),
    visible: 8,
    minEntropy: 3.5,
  },
  {
    // https://github.com/clojars/clojars-web/wiki/Deploy-Tokens (CLOJARS_ + 60 hex)
    id: 'clojars-deploy-token',
    family: 'clojars',
    description: 'Clojars deploy token (CLOJARS_)',
    keywords: ['clojars_'],
    pattern: prefixedPattern('CLOJARS_[a-z0-9]{60}', 'gi'),
    visible: 8,
    minEntropy: 3,
  },
  {
    // https://learning.postman.com/docs/developer/postman-api/authentication/ (PMAK-<24 hex>-<34 hex>)
    id: 'postman-api-key',
    family: 'postman',
    description: 'Postman API key (PMAK-)',
    keywords: ['pmak-'],
    pattern: prefixedPattern('PMAK-[a-f0-9]{24}-[a-f0-9]{34}', 'gi'),
    visible: 5,
    minEntropy: 3,
  },
  {
    // https://docs.doppler.com/docs/token-formats
    id: 'doppler-token',
    family: 'doppler',
    description: 'Doppler token (dp.pt., dp.st., dp.sa., dp.ct., dp.scim., dp.audit.)',
    keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
    pattern: prefixedPattern(
      String.raw`dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_-]{1,40}\.)?[A-Za-z0-9]{40,44}`,
    ),
    visible: 6,
    minEntropy: 3.5,
  },
  {
    // https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/ (pul-<40 hex>)
    id: 'pulumi-token',
    family: 'pulumi',
    description: 'Pulumi access token (pul-)',
    keywords: ['pul-'],
    pattern: prefixedPattern('pul-[a-f0-9]{40}'),
    visible: 4,
    minEntropy: 3,
  },
  {
    // https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output
    // (passwords belong in sensitive variables): a quoted literal under a `…password` argument of a
    // .tf/.hcl file is the password itself; `var.x` and `"${…}"` interpolations are references
    id: 'terraform-password',
    family: 'terraform',
    description: 'Password literal in a Terraform or HCL file',
    keywords: ['password'],
    pattern: /(?<![\w-])[\w-]{0,40}password\s*=\s*"(?<secret>[A-Za-z0-9=_-]{8,64})"/gi,
    visible: 0,
    minEntropy: 2,
    verify: ({ path }) => /\.(?:tf|hcl)$/i.test(path),
  },
  {
    // https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens
    id: 'terraform-cloud-token',
    family: 'terraform',
    description: 'Terraform Cloud / HCP Terraform API token (<14>.atlasv1.<60+>)',
    keywords: ['.atlasv1.'],
    pattern: prefixedPattern(String.raw`[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,80}`),
    visible: 0,
    minEntropy: 3.5,
  },
];
