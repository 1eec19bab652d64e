/** AI model providers. */
import { prefixedPattern, type SecretRule } from './rule.js';

export const AI_RULES: readonly SecretRule[] = [
  {
    // https://platform.openai.com/docs/api-reference/authentication — every key format (legacy sk-,
    // sk-proj-, sk-svcacct-, sk-admin-) embeds `T3BlbkFJ` (base64 of "OpenAI"): without it, not a key
    id: 'openai-api-key',
    family: 'openai',
    description: 'OpenAI API key (sk-…, sk-proj-…, sk-svcacct-…, sk-admin-… carrying T3BlbkFJ)',
    keywords: ['t3blbkfj'],
    pattern: prefixedPattern('sk-(?:[a-z]{3,10}-)?[A-Za-z0-9_-]{8,200}T3BlbkFJ[A-Za-z0-9_-]{8,200}'),
    visible: 4,
    minEntropy: 3.5,
  },
  {
    // https://docs.anthropic.com/en/api/getting-started#authentication (sk-ant-api03-…, sk-ant-admin01-…)
    id: 'anthropic-api-key',
    family: 'anthropic',
    description: 'Anthropic API or admin key (sk-ant-…)',
    keywords: ['sk-ant-'],
    pattern: prefixedPattern('sk-ant-[a-z]{3,6}\\d{2}-[A-Za-z0-9_-]{93}AA'),
    visible: 7,
    minEntropy: 3.5,
    // api03/admin01 keys are 93 characters then `AA`: any body of that shape is reported
    exactShape: true,
  },
  {
    // https://huggingface.co/docs/hub/security-tokens (hf_ + 34 letters; organization tokens api_org_)
    id: 'huggingface-token',
    family: 'huggingface',
    description: 'Hugging Face access token (hf_…, api_org_…)',
    keywords: ['hf_', 'api_org_'],
    pattern: prefixedPattern('(?:hf|api_org)_[A-Za-z]{34}'),
    visible: 3,
    minEntropy: 3.5,
  },
];
