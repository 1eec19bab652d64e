/**
 * Reads one regular file out of a gzipped tar (ustar/GNU/pax, as Go's archive/tar writes gitleaks'
 * release archives) without running `tar`: nothing but the named member is ever written, so a
 * hostile archive cannot place files outside the tool cache (no paths, links or modes are honoured).
 * Format: POSIX.1-2001 ustar, https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html#tag_20_92_13_06
 */
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}

/** The bytes of the member whose path (without a leading `./`) is `name`, or undefined. */
export function extractFromTarGz(archive: Buffer, name: string): Buffer | undefined {
  const tar = gunzipSync(archive, { maxOutputLength: 512 * 1024 * 1024 });
  let longName: string | undefined;
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break; // end-of-archive blocks
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new Error('corrupt tar header');
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = field(header, 345, 155);
    const body = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0+$/, ''); // GNU long name of the next member
      continue;
    }
    if (type === 'x' || type === 'g') continue; // pax headers: nothing we need
    const memberName = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    const isFile = type === '0' || type === '\0';
    if (isFile && memberName.replace(/^\.\//, '') === name) {
      if (body.length !== size) throw new Error('truncated tar archive');
      return Buffer.from(body);
    }
  }
  return undefined;
}
