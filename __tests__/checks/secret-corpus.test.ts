import { afterAll, describe, expect, it } from '@jest/globals';
import { scanText } from '../../checks/lib/secrets/engine.js';
import { secretsCheck } from '../../checks/secrets.js';
import { removeDirs, repoContext, tempDir, writeFiles } from '../helpers/repo-temp.js';
import { buildSecretCorpus, scoreCorpus } from '../helpers/secret-corpus.js';

const corpus = buildSecretCorpus();
const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

describe('secret corpus built from the providers’ documented formats', () => {
  it('finds ≥ 97 % overall and ≥ 90 % in every family, and lists its false positives', async () => {
    const { families, missed, falsePositives } = await scoreCorpus(
      corpus,
      (sample) => scanText(sample.text, sample.file).length > 0,
    );
    const weak = Object.entries(families).filter(([, score]) => score.recall < 0.9);
    expect({ weak, missed: missed.length > 60 ? missed.slice(0, 60) : missed }).toMatchObject({ weak: [] });
    expect(families.all?.recall).toBeGreaterThanOrEqual(0.97);
    expect(Object.keys(families).length).toBeGreaterThan(40);
    expect(falsePositives).toEqual([]);
  });

  it('never prints a sample value in the check’s summary, details or findings', async () => {
    const dir = tempDir('shipgate-secret-corpus-');
    dirs.push(dir);
    const files: Record<string, string> = {};
    corpus.forEach((sample, index) => {
      files[`s${index}/${sample.file}`] = sample.text;
    });
    writeFiles(dir, files);
    const outcome = await secretsCheck.run(
      secretsCheck.params.parse({ engine: 'builtin' }),
      repoContext(dir),
    );
    expect(outcome.status).toBe('fail');
    const printed = JSON.stringify(outcome);
    const leaked = corpus.filter((sample) => sample.secret.length >= 8 && printed.includes(sample.secret));
    expect(leaked.map((sample) => sample.label)).toEqual([]);
    expect(outcome.findings?.length).toBeGreaterThanOrEqual(corpus.filter((s) => s.positive).length * 0.97);
  });
});
