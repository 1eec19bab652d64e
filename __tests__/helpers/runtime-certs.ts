import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestPki {
  dir: string;
  caFile: string;
  ca: string;
  /** Leaf for 127.0.0.1/localhost signed by the CA, valid for `days`. */
  leaf(days: number, san?: string): { key: string; cert: string };
  /** A self-signed certificate (no CA) for 127.0.0.1. */
  selfSigned(): { key: string; cert: string };
  cleanup(): void;
}

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: 'pipe' });
const SAN = 'subjectAltName=IP:127.0.0.1,DNS:localhost';

/** Generates a throwaway CA and leaves with the openssl CLI in a temp dir (node:crypto cannot make X.509). */
export function createTestPki(): TestPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipgate-pki-'));
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '365',
      '-subj',
      '/CN=shipgate test CA',
    ],
    dir,
  );
  let serial = 0;
  return {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    ca: read('ca.pem'),
    leaf(days, san = SAN) {
      const name = `leaf-${++serial}`;
      openssl(
        [
          'req',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          `${name}.key`,
          '-out',
          `${name}.csr`,
          '-subj',
          '/CN=127.0.0.1',
        ],
        dir,
      );
      fs.writeFileSync(path.join(dir, `${name}.ext`), `${san}\n`);
      openssl(
        [
          'x509',
          '-req',
          '-in',
          `${name}.csr`,
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca.key',
          '-CAcreateserial',
          '-out',
          `${name}.pem`,
          '-days',
          String(days),
          '-extfile',
          `${name}.ext`,
        ],
        dir,
      );
      return { key: read(`${name}.key`), cert: read(`${name}.pem`) };
    },
    selfSigned() {
      openssl(
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          'self.key',
          '-out',
          'self.pem',
          '-days',
          '90',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          SAN,
        ],
        dir,
      );
      return { key: read('self.key'), cert: read('self.pem') };
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
