/**
 * Why Lighthouse could not measure a page (NO_FCP, NO_NAVSTART, ERRORED_DOCUMENT_REQUEST, …):
 * Lighthouse says what failed, not why. The likely cause comes from the LHR (final URL against
 * the requested one, the status in its message) and from one plain GET of the page (redirects,
 * status, body, where its scripts and styles live). Pure: the probe is done by the caller.
 */

/** The LHR fields read when a run fails (present in Lighthouse 12's LHR for a fatal error). */
export interface FailedLhr {
  code: string;
  message: string;
  requestedUrl?: string;
  finalDisplayedUrl?: string;
  runWarnings?: string[];
}

/** One GET of the page with redirects not followed, hop by hop. */
export interface PageProbe {
  hops: { url: string; status: number; location?: string }[];
  contentType?: string;
  body?: string;
  /** Set when the GET itself failed (refused, timed out). */
  error?: string;
}

const LOOPBACK = /^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

function hostOf(url: string, base?: string): string | undefined {
  try {
    return new URL(url, base).host;
  } catch {
    return undefined;
  }
}

/** Script, stylesheet, module preload and image URLs of an HTML document. */
export function assetUrls(html: string): string[] {
  const urls: string[] = [];
  const tag = /<(script|link|img)\b([^>]*)>/gi;
  for (const match of html.matchAll(tag)) {
    const name = (match[1] ?? '').toLowerCase();
    const attrs = match[2] ?? '';
    if (name === 'link' && !/\brel\s*=\s*["']?(?:stylesheet|modulepreload|preload)\b/i.test(attrs)) continue;
    const src = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1];
    if (src && !src.startsWith('data:')) urls.push(src);
  }
  return urls;
}

/** Text a person would see: the body without tags, scripts and styles. */
function visibleText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return body
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|\s+/g, ' ')
    .trim();
}

/**
 * The likely cause, in one sentence, or undefined when nothing explains it. `loopbackOnly`: the
 * run resolved loopback hosts only (shipgate's hermetic rule for a local target), so every other
 * host was unreachable by design.
 */
export function explainLoadError(
  lhr: FailedLhr,
  probe: PageProbe | undefined,
  loopbackOnly: boolean,
): string | undefined {
  const requested = lhr.requestedUrl ?? probe?.hops[0]?.url;
  const pageHost = requested ? hostOf(requested) : undefined;
  const offline = (host: string) => loopbackOnly && !LOOPBACK.test(host.replace(/:\d+$/, ''));
  const redirects = (probe?.hops ?? []).filter(
    (hop) => hop.status >= 300 && hop.status < 400 && hop.location,
  );
  if (redirects.length > 0) {
    const last = redirects.at(-1);
    const target = last?.location ? new URL(last.location, last.url).href : '';
    const targetHost = hostOf(target) ?? '';
    const where = `${requested} redirects (${redirects.map((hop) => hop.status).join(' → ')}) to ${target}`;
    if (targetHost && targetHost !== pageHost && offline(targetHost))
      return `${where}, another host, which this runner cannot reach (loopback-only DNS): point target.url (or the lighthouse path) at the page itself, e.g. the login page's own path`;
    return `${where}: measure the final page directly (a login redirect needs a public page or a signed-in path)`;
  }
  if (
    lhr.finalDisplayedUrl &&
    requested &&
    lhr.finalDisplayedUrl !== requested &&
    !lhr.finalDisplayedUrl.startsWith('chrome-error:')
  )
    return `${requested} ended on ${lhr.finalDisplayedUrl} (a client-side redirect): measure the final page directly`;
  const status = probe?.hops.at(-1)?.status ?? Number(/\(Status code: (\d{3})\)/.exec(lhr.message)?.[1] ?? 0);
  if (status >= 400) {
    // An HTML error page is named by its title; a plain body by its first words.
    const title = /<title[^>]*>([^<]{1,80})/i.exec(probe?.body ?? '')?.[1]?.trim();
    const body = title ? `page "${title}"` : probe?.body?.trim().slice(0, 80).replace(/\s+/g, ' ');
    return `the document answered ${status}${body ? ` (${title ? body : JSON.stringify(body)})` : ''}: the page failed on the server, not in the browser`;
  }
  if (probe?.error) return `GET ${requested} failed: ${probe.error}`;
  const html = probe?.body ?? '';
  if (probe && html.trim() === '') return 'the document is empty (0 bytes): nothing to paint';
  const assets = assetUrls(html);
  const foreign = [
    ...new Set(
      assets
        .map((url) => hostOf(url, requested))
        .filter((host): host is string => !!host && host !== pageHost),
    ),
  ];
  const blocked = foreign.filter(offline);
  const text = visibleText(html);
  if (blocked.length > 0 && text.length === 0)
    return `the page's scripts or styles load from ${blocked.join(', ')}, which this runner cannot reach (loopback-only DNS), and the HTML has no content of its own: measure a staging URL, or serve those assets from the app`;
  if (probe && text.length === 0 && assets.length === 0)
    return 'the document has no visible content and no scripts: nothing to paint';
  if (probe && text.length === 0 && /^(?:NO_FCP|NO_LCP)$/.test(lhr.code))
    return `the HTML has no content of its own and its scripts (${assets.length}) painted nothing: a script error at start-up, or an API the app waits for that is unreachable here (see the browser console)`;
  if (blocked.length > 0)
    return `assets on ${blocked.join(', ')} are unreachable on this runner (loopback-only DNS) and may have blocked rendering`;
  return undefined;
}
