/** Cloud providers and infrastructure platforms. */
import { createHash } from 'node:crypto';
import { keyedPattern, prefixedPattern, type SecretRule } from './rule.js';

const L_ANY = '(?<![A-Za-z0-9_.-])';
const CF_ORIGIN_CA = String.raw`(?<![\w.-])(?<osecret>v1\.0-[a-f0-9]{24}-[a-f0-9]{146})(?![\w-])`;
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * SHA-256 of the Firebase SDKs' published example API keys (github.com/firebase/firebase-android-sdk
 * test and sample configs, the list gitleaks allow-lists too): public on purpose, in thousands of
 * clones. Hashes, so that no key-shaped value is committed here.
 */
const PUBLIC_EXAMPLE_GCP_KEYS: ReadonlySet<string> = new Set([
  '0b476bdf9acf2123d547b5ae76f1e59884d8ec9553ee0c47e9f31fd4768f3f3c',
  '2037abcaffb2b77785da716cf7ccff4ff4d00c4ea930db0167b7d71f50af7eb4',
  '27a9a42931dff7eb2f8434e20a9bce976ea364e7bee49187f19d5cfeca9c7045',
  '37f8f09bdf12c2f2eae4ead7273a62ddb0c23459cbf902892f282b57f7ed6619',
  '3a8b61d0f636b007840c0d40ba12bcf48465dc054cdc1a68704a33521d84b665',
  '3f370c9dd8225c63b5c77de1f785edc9712958f18bb612d5fa2e0ae33aeca682',
  '49f777db995e8260da7ca9ffdf0c08d66f0453e97ec967018baf2cdfe3b582d0',
  '4c98242dcadc8b29005c6b4aad526552d5ea1842149154c0694adeec75847583',
  '8731261cb72d86267a32a532ebd3df429e2144e5e4ced7e13568bc9e6c8fb1b1',
  'a19f89ab3555eac10c40741f6df79ecf0935998f15569f8db9d67bce0181fff6',
  'a6c814bc555ae62c7bd8b58ec07bf559c7ed3a009976a1e0acc9cef0d4473b41',
  'dc0fcf046c61640cbd1e8b999ada3262d722c2ca4bf42dceac999020ffdbb614',
  'e4a5542bb7fd7b67e943c71ad29c34b5972c9840597e7eda53e666f44d5da0b9',
  'ea9bb1082cf95663f5faca23b8b15ef2aa0fce0a5c6df9c32dcb85b2e0a4513d',
  'eb540d2b6ee2a0a47c5779bc8a0141784c6b753840d4c6f4e2428a6e86e9e0b1',
  'f56e323494a6ffc2064e7a955908957d84f0755e5f975dabd64328d0359a8f7c',
]);

export const CLOUD_RULES: readonly SecretRule[] = [
  {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
    id: 'aws-access-key-id',
    family: 'aws',
    description: 'AWS access key id (AKIA/ASIA/ABIA/ACCA…, 20 base32 characters)',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/g,
    visible: 4,
    minEntropy: 2.5,
  },
  {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
    id: 'aws-secret-access-key',
    family: 'aws',
    description: 'AWS secret access key (40 base64 characters assigned to an AWS secret key name)',
    keywords: ['secret_access_key', 'secretaccesskey', 'aws_secret', 'awssecret', 'secret-access-key'],
    pattern: keyedPattern('secret[_-]?access[_-]?key|aws[_-]?secret', '[A-Za-z0-9/+]{40}'),
    visible: 0,
    minEntropy: 3.5,
  },
  {
    // https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html (ABSK + base64 of "BedrockAPIKey-…")
    id: 'aws-bedrock-api-key',
    family: 'aws',
    description: 'Amazon Bedrock API key (ABSK…)',
    keywords: ['absk'],
    pattern: prefixedPattern('ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{40,300}={0,2}'),
    visible: 4,
    minEntropy: 4,
  },
  {
    // https://cloud.google.com/iam/docs/keys-create-delete (a service account key file: JSON whose
    // type is service_account, with the key in its private_key field); the type alone is not reported,
    // since code and docs that handle such files name it too
    id: 'gcp-service-account-key',
    family: 'gcp',
    description: 'Google Cloud service account key file (JSON with a private_key field)',
    keywords: ['service_account'],
    requires: '"private_key"',
    pattern: /"type"\s*:\s*"service_account"/g,
    visible: 0,
  },
  {
    // https://cloud.google.com/docs/authentication/api-keys (AIza + 35 URL-safe characters; Firebase Web keys too)
    id: 'gcp-api-key',
    family: 'gcp',
    description: 'Google Cloud / Firebase API key (AIza…)',
    keywords: ['aiza'],
    pattern: prefixedPattern('AIza[A-Za-z0-9_-]{35}'),
    visible: 4,
    // random 35-character bodies score above 4 bits/char; hand-typed look-alikes do not (as gitleaks)
    minEntropy: 4,
    verify: ({ secret }) => !PUBLIC_EXAMPLE_GCP_KEYS.has(createHash('sha256').update(secret).digest('hex')),
  },
  {
    // https://developers.google.com/identity/protocols/oauth2 (client secrets GOCSPX-…, access tokens ya29.…)
    id: 'google-oauth-secret',
    family: 'google-oauth',
    description: 'Google OAuth client secret (GOCSPX-) or access token (ya29.)',
    keywords: ['gocspx-', 'ya29.'],
    pattern: prefixedPattern(String.raw`GOCSPX-[A-Za-z0-9_-]{28}|ya29\.[A-Za-z0-9_-]{50,400}`),
    visible: 7,
    minEntropy: 3.5,
  },
  {
    // https://firebase.google.com/docs/cloud-messaging/auth-server (legacy FCM server keys AAAA…:APA91b…)
    id: 'firebase-fcm-server-key',
    family: 'firebase',
    description: 'Firebase Cloud Messaging legacy server key',
    keywords: [':apa91b'],
    pattern: prefixedPattern('AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{100,200}'),
    visible: 4,
    binaryBody: true,
    minEntropy: 3.5,
  },
  {
    // https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials (client secrets: 3 chars, a digit, Q~, 31-34 more)
    id: 'azure-ad-client-secret',
    family: 'azure',
    description: 'Microsoft Entra ID (Azure AD) client secret (…Q~…)',
    keywords: ['q~'],
    pattern: /(?<![\w~.-])(?<secret>[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![\w~.-])/g,
    visible: 0,
    minEntropy: 3.5,
  },
  {
    // https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage (88-character base64)
    id: 'azure-storage-account-key',
    family: 'azure',
    description: 'Azure storage account key (AccountKey=… in a connection string)',
    keywords: ['accountkey'],
    pattern: /AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/gi,
    visible: 0,
    minEntropy: 4,
  },
  {
    // https://developers.cloudflare.com/fundamentals/api/get-started/create-token/ (40-character API
    // tokens), /keys/ (37-hex global API key), /ssl/origin-configuration/origin-ca/ (v1.0- origin CA keys)
    id: 'cloudflare-api-token',
    family: 'cloudflare',
    description: 'Cloudflare API token, global API key or origin CA key',
    keywords: ['cloudflare', 'cf_api', 'cf-api', 'cfapi', 'cf_auth', 'v1.0-', 'cfk_', 'cfut_', 'cfat_'],
    pattern: new RegExp(
      // https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/ (cfk_/cfut_/cfat_
      // + 40 base62 + 8 hex)
      `(?<![A-Za-z0-9_-])(?<psecret>(?:cfk|cfut|cfat)_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9])|` +
        `${keyedPattern('cloudflare|cf[_-]?(?:api|auth)', '[A-Za-z0-9_-]{40}|[a-f0-9]{37}').source}|${CF_ORIGIN_CA}`,
      'gi',
    ),
    visible: 0,
    minEntropy: 3.3,
  },
  {
    // https://docs.digitalocean.com/reference/api/create-personal-access-token/ (dop_v1_, doo_v1_, dor_v1_ + 64 hex)
    id: 'digitalocean-token',
    family: 'digitalocean',
    description: 'DigitalOcean token (dop_v1_, doo_v1_, dor_v1_)',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    pattern: prefixedPattern('do[opr]_v1_[a-f0-9]{64}'),
    visible: 7,
    minEntropy: 3,
  },
  {
    // https://devcenter.heroku.com/articles/authentication (HRKU- tokens; legacy keys are UUIDs)
    id: 'heroku-api-key',
    family: 'heroku',
    description: 'Heroku API key (HRKU-…, or a UUID assigned to a Heroku key name)',
    keywords: ['hrku-', 'heroku'],
    pattern: new RegExp(
      `${L_ANY}(?<psecret>HRKU-[A-Za-z0-9_-]{50,70})(?![\\w-])|${keyedPattern('heroku', UUID).source}`,
      'gi',
    ),
    visible: 0,
    minEntropy: 3,
  },
  {
    // https://docs.databricks.com/en/dev-tools/auth/pat.html (dapi + 32 hex, optional -N suffix)
    id: 'databricks-token',
    family: 'databricks',
    description: 'Databricks personal access token (dapi…)',
    keywords: ['dapi'],
    pattern: prefixedPattern('dapi[a-fA-F0-9]{32}(?:-[0-9])?'),
    visible: 4,
    minEntropy: 3,
  },
  {
    // https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes (hvs., hvb., hvr.; legacy s.)
    id: 'vault-token',
    family: 'vault',
    description: 'HashiCorp Vault token (hvs., hvb., hvr., legacy s. next to a Vault key name)',
    keywords: ['hvs.', 'hvb.', 'hvr.', 'vault'],
    pattern: new RegExp(
      `${L_ANY}(?<psecret>hv[sbr]\\.[A-Za-z0-9_-]{24,400}(?:\\.[A-Za-z0-9]{5})?)(?![\\w.-])|${keyedPattern('vault', String.raw`s\.[A-Za-z0-9]{24}`).source}`,
      'gi',
    ),
    visible: 4,
    minEntropy: 3.5,
  },
];
