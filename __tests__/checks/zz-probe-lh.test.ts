import { lighthouseCheck } from '../../checks/lighthouse.js';
import { buildTestContext } from '../helpers/build-fixtures.js';
test('unreachable', async () => {
  const { ctx } = buildTestContext({ repoDir: '/tmp', env: { CHROME_PATH: '/usr/lib/chromium/chromium' }, targetUrl: 'http://127.0.0.1:9/' });
  const t = Date.now();
  const o = await lighthouseCheck.run(lighthouseCheck.params.parse({ runs: 1 }), ctx);
  console.log(Date.now() - t, JSON.stringify(o));
}, 90000);
