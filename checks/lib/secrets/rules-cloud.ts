/** Cloud providers and infrastructure platforms. */
import { keyedPattern, prefixedPattern, type SecretRule } from './rule.js';

const L_ANY = '(?<![A-Za-z0-9_.-])';
const CF_ORIGIN_CA = String.raw`(?<![\w.-])(?<osecret>v1\.0-[a-f0-9]{24}-[a-f0-9]{146})(?![\w-])`;
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

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
    // https://cloud.google.com/docs/authentication/api-keys (AIza + 35 URL-safe characters; Firebase Web keys too)
    id: 'gcp-api-key',
    family: 'gcp',
    description: 'Google Cloud / Firebase API key (AIza…)',
    keywords: ['aiza'],
    pattern: prefixedPattern('AIza[A-Za-z0-9_-]{35}'),
    visible: 4,
    minEntropy: 3.5,
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
    keywords: ['cloudflare', 'cf_api', 'cf-api', 'cfapi', 'cf_auth', 'v1.0-'],
    pattern: new RegExp(
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
    pattern: prefixedPattern('dapi[a-f0-9]{32}(?:-[0-9])?'),
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
