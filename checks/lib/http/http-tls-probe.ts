import net from 'node:net';
import tls from 'node:tls';

export interface TlsProbe {
  authorized: boolean;
  /** OpenSSL's verdict on the chain, e.g. DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED. */
  chainError?: string;
  /** Set when tls.checkServerIdentity rejects the host: which names the certificate does cover. */
  hostnameError?: string;
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  protocol: string | null;
}

/**
 * Completes a TLS handshake without rejecting, so every problem (chain, dates, hostname) can be reported
 * instead of just the first. `ca` replaces Node's default CA list when given (private CAs).
 */
export function probeTls(
  host: string,
  port: number,
  options: { ca?: string; timeoutMs: number },
): Promise<TlsProbe> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      // SNI must not be an IP address (RFC 6066).
      servername: net.isIP(host) ? undefined : host,
      ca: options.ca,
      rejectUnauthorized: false,
      // Hostname is checked below, separately from the chain.
      checkServerIdentity: () => undefined,
    });
    socket.setTimeout(options.timeoutMs, () =>
      socket.destroy(new Error(`no TLS handshake within ${options.timeoutMs} ms`)),
    );
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const identity = tls.checkServerIdentity(host, cert);
      // Certificate fields may repeat (string[]); the first one is enough for a summary.
      const name = (entity: tls.PeerCertificate['subject'] | undefined) => {
        const value = entity?.CN ?? entity?.O ?? '?';
        return Array.isArray(value) ? (value[0] ?? '?') : value;
      };
      resolve({
        authorized: socket.authorized,
        chainError: socket.authorizationError ? String(socket.authorizationError) : undefined,
        hostnameError: identity
          ? `${host} not in ${cert.subjectaltname || `CN=${name(cert.subject)}`}`
          : undefined,
        subject: name(cert.subject),
        issuer: name(cert.issuer),
        validFrom: new Date(cert.valid_from),
        validTo: new Date(cert.valid_to),
        protocol: socket.getProtocol(),
      });
      socket.end();
    });
  });
}
