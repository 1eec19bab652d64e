import {
  assetUrls,
  explainLoadError,
  type FailedLhr,
  type PageProbe,
} from '../../checks/lib/lighthouse/load-error.js';

const URL_ = 'http://127.0.0.1:4173/';
// The runtimeError and warnings as Lighthouse 12.8.2 wrote them for these pages (recorded on a loopback server).
const NO_FCP: FailedLhr = {
  code: 'NO_FCP',
  message:
    'The page did not paint any content. Please ensure you keep the browser window in the foreground during the load and try again. (NO_FCP)',
  requestedUrl: URL_,
  finalDisplayedUrl: URL_,
  runWarnings: [
    'The page did not paint any content. Please ensure you keep the browser window in the foreground during the load and try again. (NO_FCP)',
  ],
};
const INTERSTITIAL: FailedLhr = {
  code: 'CHROME_INTERSTITIAL_ERROR',
  message:
    'Chrome prevented page load with an interstitial. Make sure you are testing the correct URL and that the server is properly responding to all requests.',
  requestedUrl: URL_,
  finalDisplayedUrl: 'chrome-error://chromewebdata/',
  runWarnings: [
    `The page may not be loading as expected because your test URL (${URL_}) was redirected to chrome-error://chromewebdata/. Try testing the second URL directly.`,
  ],
};
const ERRORED: FailedLhr = {
  code: 'ERRORED_DOCUMENT_REQUEST',
  message:
    'Lighthouse was unable to reliably load the page you requested. Make sure you are testing the correct URL and that the server is properly responding to all requests. (Status code: 500)',
  requestedUrl: URL_,
  finalDisplayedUrl: URL_,
};
const NO_NAVSTART: FailedLhr = {
  code: 'NO_NAVSTART',
  message: 'Your page did not load. Please check your URL and try again. (NO_NAVSTART)',
  requestedUrl: URL_,
  finalDisplayedUrl: URL_,
};

const ok = (body: string): PageProbe => ({
  hops: [{ url: URL_, status: 200 }],
  contentType: 'text/html',
  body,
});
const spa = (script: string) =>
  `<!doctype html><html><head><title>App</title><script type="module" src="${script}"></script></head><body><div id="root"></div></body></html>`;

describe('the likely cause of a page Lighthouse could not load', () => {
  test.each<[string, FailedLhr, PageProbe | undefined, boolean, string | undefined]>([
    ['an empty document', NO_FCP, ok(''), true, 'the document is empty (0 bytes): nothing to paint'],
    [
      'an empty body, no scripts',
      NO_FCP,
      ok('<!doctype html><html><head><title>x</title></head><body></body></html>'),
      true,
      'the document has no visible content and no scripts: nothing to paint',
    ],
    [
      'a SPA whose script is on another host, offline runner',
      NO_FCP,
      ok(spa('https://cdn.example.com/app.js')),
      true,
      "the page's scripts or styles load from cdn.example.com, which this runner cannot reach (loopback-only DNS), and the HTML has no content of its own: measure a staging URL, or serve those assets from the app",
    ],
    [
      'the same against a remote target: the runner is not to blame',
      {
        ...NO_FCP,
        requestedUrl: 'https://staging.example.org/',
        finalDisplayedUrl: 'https://staging.example.org/',
      },
      {
        hops: [{ url: 'https://staging.example.org/', status: 200 }],
        body: spa('https://cdn.example.com/app.js'),
      },
      false,
      'the HTML has no content of its own and its scripts (1) painted nothing: a script error at start-up, or an API the app waits for that is unreachable here (see the browser console)',
    ],
    [
      'a SPA with its own scripts that paints nothing',
      NO_FCP,
      ok(spa('/assets/index-3f2a.js')),
      true,
      'the HTML has no content of its own and its scripts (1) painted nothing: a script error at start-up, or an API the app waits for that is unreachable here (see the browser console)',
    ],
    [
      'a redirect to a login on another host',
      INTERSTITIAL,
      { hops: [{ url: URL_, status: 302, location: 'https://auth.example.com/login' }] },
      true,
      `${URL_} redirects (302) to https://auth.example.com/login, another host, which this runner cannot reach (loopback-only DNS): point target.url (or the lighthouse path) at the page itself, e.g. the login page's own path`,
    ],
    [
      'a redirect on the same host',
      NO_FCP,
      {
        hops: [
          { url: URL_, status: 308, location: '/login/' },
          { url: `${URL_}login/`, status: 200 },
        ],
        body: spa('/a.js'),
      },
      true,
      `${URL_} redirects (308) to ${URL_}login/: measure the final page directly (a login redirect needs a public page or a signed-in path)`,
    ],
    [
      'a client-side redirect seen only in the LHR',
      { ...NO_FCP, finalDisplayedUrl: `${URL_}welcome` },
      undefined,
      true,
      `${URL_} ended on ${URL_}welcome (a client-side redirect): measure the final page directly`,
    ],
    [
      'the document status, from the LHR message alone',
      ERRORED,
      undefined,
      true,
      'the document answered 500: the page failed on the server, not in the browser',
    ],
    [
      'the document status and body, from the probe',
      ERRORED,
      { hops: [{ url: URL_, status: 503 }], body: 'upstream api.realworld.show unreachable' },
      true,
      'the document answered 503 ("upstream api.realworld.show unreachable"): the page failed on the server, not in the browser',
    ],
    [
      'an HTML error page is named by its title',
      ERRORED,
      {
        hops: [{ url: URL_, status: 404 }],
        body: '<!doctype html>\n<html>\n\t<head><title>404: Not found</title></head></html>',
      },
      true,
      'the document answered 404 (page "404: Not found"): the page failed on the server, not in the browser',
    ],
    [
      'no navigation: the server is not there',
      NO_NAVSTART,
      { hops: [], error: 'fetch failed' },
      true,
      `GET ${URL_} failed: fetch failed`,
    ],
    [
      'a page with content: nothing to say',
      NO_FCP,
      ok('<html><body><h1>Menu</h1></body></html>'),
      true,
      undefined,
    ],
  ])('%s', (_name, lhr, probe, loopbackOnly, cause) => {
    expect(explainLoadError(lhr, probe, loopbackOnly)).toBe(cause);
  });

  test('asset URLs: scripts, stylesheets, preloads and images; not data: URLs or other links', () => {
    const html = `<link rel="stylesheet" href="https://fonts.example.com/a.css"><link rel="icon" href="/favicon.ico">
<link rel="modulepreload" href="/assets/vendor.js"><script src="/a.js"></script><img src="data:image/png;base64,xx"><img src='/logo.png'>`;
    expect(assetUrls(html)).toEqual([
      'https://fonts.example.com/a.css',
      '/assets/vendor.js',
      '/a.js',
      '/logo.png',
    ]);
  });
});
