import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The lock's Lua scripts. Redis runs a script atomically, so each check-and-act below cannot
 * interleave with another replica's commands. KEYS[1] = lock:<key>, KEYS[2] = fence:<key>.
 */

/** SET NX PX, and on success INCR the fence in the same step: no moment holds a lock without a token. */
const ACQUIRE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local token = redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
  return token
end
return 0`;

/** Compare-and-delete: never delete a lock that expired and was taken by someone else. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** Compare-and-PEXPIRE: extend only our own lock. */
const EXTEND = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/** 1 = still ours; -N = a later holder got fencing token N; 0 = lock expired or held by another owner. */
const CHECK = `
local fence = tonumber(redis.call('GET', KEYS[2]) or '0')
if fence > tonumber(ARGV[2]) then
  return -fence
end
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
return 1`;

interface Script {
  source: string;
  sha: string;
}

function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

export const LockScripts = {
  acquire: script(ACQUIRE),
  release: script(RELEASE),
  extend: script(EXTEND),
  check: script(CHECK),
} as const;

/** EVALSHA, falling back to EVAL when the server has not cached the script (fresh or flushed). */
export async function runScript(
  redis: Redis,
  { source, sha }: Script,
  keys: [string, string],
  args: (string | number)[],
): Promise<number> {
  let reply: unknown;
  try {
    reply = await redis.evalsha(sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    reply = await redis.eval(source, keys.length, ...keys, ...args);
  }
  if (typeof reply !== 'number') throw new Error(`lock script returned ${typeof reply}, expected an integer`);
  return reply;
}
