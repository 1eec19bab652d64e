/** Messaging, payments, commerce and observability services. */
import { keyedPattern, prefixedPattern, R, type SecretRule } from './rule.js';

/** The random tail of a dash-separated token (Slack ids are data; only the tail must look random). */
const lastSegment = (secret: string) => secret.slice(secret.lastIndexOf('-') + 1);

export const SAAS_RULES: readonly SecretRule[] = [
  {
    // https://docs.slack.dev/authentication/tokens (bot xoxb-<team>-<bot>-<24>, user xoxp-<team>-<user>-<team>-<32>,
    // app-level xapp-1-<app>-<n>-<64 hex>, configuration xoxe.xoxp-1-…, refresh xoxe-1-…, legacy xoxa/xoxr/xoxo/xoxs)
    id: 'slack-token',
    family: 'slack',
    description:
      'Slack token (xoxb-, xoxp-, xoxe-, xapp-, xoxa-, xoxr-, xoxo-, xoxs-) with Slack’s digit segments',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-', 'xoxe-', 'xoxe.', 'xapp-'],
    pattern: prefixedPattern(
      [
        String.raw`xoxb-\d{8,14}-(?:\d{8,14}-?)?[A-Za-z0-9-]{18,40}`,
        String.raw`xoxb-\d{8,14}-\d{8,14}`,
        String.raw`xox[pe](?:-\d{8,14}){3}-[A-Za-z0-9-]{28,40}`,
        String.raw`xox[ar]-(?:\d-)?[0-9A-Za-z]{8,48}(?:-[0-9A-Za-z]{6,48}){0,3}`,
        String.raw`xox[os]-\d+-\d+-\d+-[A-Fa-f\d]+`,
        String.raw`xox[os]-\d{8,14}-\d{8,14}`,
        String.raw`xoxe\.xox[bp]-\d-[A-Za-z0-9]{150,180}`,
        String.raw`xoxe-\d-[A-Za-z0-9]{140,160}`,
        String.raw`xapp-\d-[A-Za-z0-9]+-\d+-[A-Za-z0-9]+`,
      ].join('|'),
      'g',
    ),
    visible: 5,
    // the digit segments already prove the shape; a short hex tail can dip below 3 bits/char
    minEntropy: 2,
    bodyOf: lastSegment,
  },
  {
    // https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
    id: 'slack-webhook',
    family: 'slack-webhook',
    description: 'Slack incoming webhook or workflow trigger URL',
    keywords: ['hooks.slack.com'],
    pattern:
      /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9_/+-]{20,250})/g,
    visible: 0,
    bodyOf: lastSegmentSlash,
  },
  {
    // https://docs.stripe.com/keys (sk_/rk_ × live/test; publishable pk_ keys are public by design)
    id: 'stripe-secret-key',
    family: 'stripe',
    description:
      'Stripe secret or restricted key (sk_live_, sk_test_, rk_live_, rk_test_) or webhook secret (whsec_)',
    keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'sk_prod_', 'rk_prod_', 'whsec_'],
    pattern: prefixedPattern('[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,247}|whsec_[A-Za-z0-9+/]{32,64}'),
    visible: 8,
    minEntropy: 3,
  },
  {
    // https://developer.squareup.com/docs/build-basics/access-tokens (EAAA… access tokens, sq0csp- app secrets)
    id: 'square-access-token',
    family: 'square',
    description: 'Square access token (EAAA…, legacy sq0atp-)',
    keywords: ['eaaa', 'sq0atp-'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_+/-])(?<secret>EAAA[A-Za-z0-9_-]{22,124}|sq0atp-[A-Za-z0-9_\\\\\\]^-]{22,60})${R}`,
      'g',
    ),
    visible: 4,
    minEntropy: 3.5,
  },
  {
    id: 'square-application-secret',
    family: 'square',
    description: 'Square OAuth application secret (sq0csp-)',
    keywords: ['sq0csp-'],
    // gitleaks' samples draw the body from `0-9A-Za-z` and the range `\\-_` (`\\ ] ^ _`) too
    pattern: prefixedPattern(String.raw`sq0csp-[A-Za-z0-9_\\\]^-]{40,60}`),
    visible: 7,
    minEntropy: 3.5,
  },
  {
    // https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens (shpat_, shpca_, shppa_, shpss_ + 32 hex)
    id: 'shopify-token',
    family: 'shopify',
    description: 'Shopify access token or shared secret (shpat_, shpca_, shppa_, shpss_)',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    // 32 hex in Shopify's docs; secretlint's fixtures carry 32–38 base62 characters too
    pattern: prefixedPattern('shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,40}'),
    visible: 6,
    minEntropy: 3,
  },
  {
    // https://www.twilio.com/docs/iam/api-keys (API key SIDs SK + 32 hex; auth tokens 32 hex;
    // account SIDs AC… are identifiers, not secrets)
    id: 'twilio-api-key',
    family: 'twilio',
    description: 'Twilio API key SID (SK…) or auth token next to a Twilio key name',
    keywords: ['sk', 'twilio'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<psecret>SK[0-9a-fA-F]{32})${R}|${keyedPattern('twilio', '[a-f0-9]{32}').source}`,
      'gi',
    ),
    visible: 2,
    minEntropy: 3,
  },
  {
    // https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys (SG.<22>.<43>)
    id: 'sendgrid-api-key',
    family: 'sendgrid',
    description: 'SendGrid API key (SG.…)',
    keywords: ['sg.'],
    // 22 + `.` + 43 characters; the key id and secret use the URL-safe base64 alphabet with `=`
    pattern: prefixedPattern(String.raw`SG\.[A-Za-z0-9=_-]{22}\.[A-Za-z0-9=_-]{43}|SG\.[A-Za-z0-9=_.-]{66}`),
    visible: 3,
    minEntropy: 3.5,
  },
  {
    // https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#primary-account-api-key
    // (key-<32 hex>, newer <32 hex>-<8>-<8>; pubkey- validation keys; webhook signing keys)
    id: 'mailgun-api-key',
    family: 'mailgun',
    description: 'Mailgun API key (key-…, pubkey-…, or a hex key next to a Mailgun key name)',
    keywords: ['key-', 'mailgun'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<psecret>(?:pub)?key-[a-f0-9]{32})${R}|${keyedPattern('mailgun', '[a-f0-9]{32}(?:-[a-f0-9]{8}-[a-f0-9]{8})?').source}`,
      'gi',
    ),
    visible: 4,
    minEntropy: 3,
  },
  {
    // https://docs.datadoghq.com/account_management/api-app-keys/ (API keys 32 hex, application keys 40 hex)
    id: 'datadog-api-key',
    family: 'datadog',
    description: 'Datadog API or application key next to a Datadog key name',
    keywords: ['datadog', 'dd_api', 'dd_app', 'dd-api', 'dd-app', 'ddapi', 'ddapp'],
    pattern: keyedPattern('datadog|dd[_-]?(?:api|app)', '[a-z0-9]{40}|[a-f0-9]{32}'),
    visible: 0,
    minEntropy: 3,
  },
  {
    // https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/ (NRAK- user keys, NRII- insert,
    // NRIQ- query, NRRA- REST, NRJS- browser; license keys are 40 hex-like characters ending NRAL)
    id: 'new-relic-key',
    family: 'new-relic',
    description: 'New Relic API key (NRAK-, NRII-, NRIQ-, NRRA-, NRJS-) or license key (…NRAL)',
    keywords: ['nrak-', 'nrii-', 'nriq-', 'nrra-', 'nrjs-', 'nral'],
    pattern: prefixedPattern(
      'NRAK-[A-Za-z0-9]{27}|NRI[IQ]-[A-Za-z0-9_-]{32}|NRRA-[a-f0-9]{42}|NRJS-[a-f0-9]{19}|[a-f0-9]{36}NRAL',
    ),
    visible: 5,
    minEntropy: 3,
  },
  {
    // https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/ (user API keys as stored by
    // integrations: 64 characters under a New Relic key name)
    id: 'new-relic-keyed-key',
    family: 'new-relic',
    description: 'New Relic key (64 characters next to a New Relic key name)',
    keywords: ['new-relic', 'newrelic', 'new_relic'],
    pattern: keyedPattern('new[_-]?relic', '[A-Za-z0-9]{64}'),
    visible: 0,
    minEntropy: 3.5,
  },
  {
    // https://docs.sentry.io/account/auth-tokens/ (org tokens sntrys_<base64 JSON>_<43>, user tokens sntryu_<64 hex>;
    // DSNs are public client keys and are not flagged)
    id: 'sentry-token',
    family: 'sentry',
    description: 'Sentry auth token (sntrys_, sntryu_, or 64 hex next to a Sentry key name)',
    keywords: ['sntrys_', 'sntryu_', 'sentry'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<psecret>sntrys_eyJ[A-Za-z0-9+/=_-]{40,400}|sntryu_[a-f0-9]{64})${R}|${keyedPattern('sentry', '[a-f0-9]{64}').source}`,
      'gi',
    ),
    visible: 7,
    minEntropy: 3,
  },
  {
    // https://developer.okta.com/docs/guides/create-an-api-token/ (SSWS tokens: 00 + 40 characters)
    id: 'okta-api-token',
    family: 'okta',
    description: 'Okta API token (00… next to an Okta key name or after SSWS)',
    keywords: ['okta', 'ssws'],
    pattern: new RegExp(
      `SSWS\\s+(?<psecret>00[A-Za-z0-9=_-]{40})${R}|${keyedPattern('okta', '00[A-Za-z0-9=_-]{40}').source}`,
      'gi',
    ),
    visible: 0,
    minEntropy: 3.5,
    // `okta` as a word of the key name (`oktaToken`, `OKTA_KEY`), not letters across a camel-case
    // boundary (`rookTable`)
    verify: ({ match, text }) => {
      if (match[0].startsWith('SSWS') || match[0].startsWith('ssws')) return true;
      const at = match[0].toLowerCase().indexOf('okta');
      const word = match[0].slice(at, at + 4);
      const before = (at === 0 ? text[match.index - 1] : match[0][at - 1]) ?? ' ';
      return /^(?:okta|Okta|OKTA)$/.test(word) && !(word === 'okta' && /[a-z]/.test(before));
    },
  },
];

function lastSegmentSlash(secret: string): string {
  return secret.slice(secret.lastIndexOf('/') + 1);
}
