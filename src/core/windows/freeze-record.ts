/**
 * The repository's freeze as the bot keeps it: a signed record in the body of an issue the bot
 * opens (label `shipgate-freeze`). Why an issue: a freeze is repository-wide and must outlive the
 * bot's memory (restarts, replicas without Redis) and the PR it was set on; an issue is GitHub
 * state the bot already may write, people can see and subscribe to it, and it is found with one
 * list call. Only the bot's own issues count (nobody else can author as the app) and the record is
 * HMAC-signed with a key bound to the repository, so editing the body does not change the freeze;
 * closing the issue by hand does not lift it either (`/shipgate unfreeze` does, in the record).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { canonical } from '../ledger/ledger.js';

export const FREEZE_LABEL = 'shipgate-freeze';

const FreezeRecordSchema = z
  .object({
    active: z.boolean(),
    until: z.string().max(40),
    reason: z.string().max(300),
    by: z.string().max(100),
    at: z.string().max(40),
    /** Who lifted it and when (`/shipgate unfreeze`). */
    liftedBy: z.string().max(100).optional(),
    liftedAt: z.string().max(40).optional(),
  })
  .strict();

export type FreezeRecord = z.infer<typeof FreezeRecordSchema>;

const MARK = /<!-- shipgate:freeze (\{[^\n]*\}) sig=([\w-]+) -->/;

export function freezeKey(secret: string, repositoryId: number): string {
  return createHmac('sha256', secret).update(`shipgate-freeze-v1:${repositoryId}`).digest('base64url');
}

function sign(record: FreezeRecord, key: string): string {
  return createHmac('sha256', key).update(canonical(record)).digest('base64url');
}

/** The issue body: what people read, then the signed record (hidden). */
export function freezeIssueBody(record: FreezeRecord, key: string, text: string): string {
  return `${text}\n\n<!-- shipgate:freeze ${JSON.stringify(record)} sig=${sign(record, key)} -->\n`;
}

/** The signed record in an issue body; undefined when absent, malformed or not signed with `key`. */
export function readFreezeRecord(body: string, key: string): FreezeRecord | undefined {
  const match = MARK.exec(body);
  if (!match) return undefined;
  try {
    const parsed = FreezeRecordSchema.safeParse(JSON.parse(match[1] ?? ''));
    if (!parsed.success) return undefined;
    const expected = Buffer.from(sign(parsed.data, key));
    const given = Buffer.from(match[2] ?? '');
    return expected.length === given.length && timingSafeEqual(expected, given) ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The freeze in force at `nowIso`, from the newest valid record (records newest first). */
export function freezeInForce(
  records: readonly FreezeRecord[],
  nowIso: string,
): { until: string; reason: string; by: string; at: string } | undefined {
  const newest = records[0];
  if (!newest?.active || Date.parse(newest.until) <= Date.parse(nowIso)) return undefined;
  return { until: newest.until, reason: newest.reason, by: newest.by, at: newest.at };
}
