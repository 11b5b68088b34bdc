import * as z from 'zod';
import { AppError } from '../core/errors';
import { LIMITS, sidPattern, type SidPrefix } from '../contract';

/** The bundle's one input validator: every parameter is checked here, before any Twilio call.
 * Twilio Functions merge JSON and form bodies into the event, so a value may arrive as a string
 * (form) or as any JSON type; anything but the expected shape is a 400. */

export const sid = (prefix: SidPrefix, name: string) =>
  z
    .string({ error: `${name} must be a string.` })
    .regex(sidPattern(prefix), `${name} must be a ${prefix} SID (${prefix} followed by 32 hex digits).`);

export const flexToken = z
  .string({ error: 'Token must be a string.' })
  .min(1, 'Token must not be empty.')
  .max(LIMITS.flexTokenLength, `Token must be at most ${LIMITS.flexTokenLength} characters.`);

export const taskSid = sid('WT', 'TaskSid');
export const roomSid = sid('RM', 'RoomSid');

/** `true` as a JSON boolean or the string "true" (form bodies carry only strings). */
export const optionalFlag = (name: string) =>
  z
    .union([z.boolean(), z.enum(['true', 'false'])], { error: `${name} must be true or false.` })
    .optional()
    .transform((value) => value === true || value === 'true');

/** A bad invite is the customer's link, not a programming error: its format is judged by the
 * invite check (401); only what cannot be an invite at all is a 400. */
export const invite = z
  .string({ error: 'Invite must be a string.' })
  .min(1, 'Invite must not be empty.')
  .max(LIMITS.inviteLength * 4, 'Invite is too long.');

/** /video/snapshot-request's `requestId` (core/snapshots.ts): 16 random bytes, base64url. */
export const snapshotRequestId = z
  .string({ error: 'RequestId must be a string.' })
  .regex(/^[A-Za-z0-9_-]{22}$/, 'RequestId must be the requestId of /video/snapshot-request.');

export const displayName = z
  .string({ error: 'Name must be a string.' })
  .max(LIMITS.displayNameLength, `Name must be at most ${LIMITS.displayNameLength} characters.`)
  .optional();

/** A Video participant's identity as Twilio allows it: at most 128 bytes (multi-byte characters
 * count double, or more), printable, no path separators (it goes into a REST path). */
export const participantIdentity = z
  .string({ error: 'Identity must be a string.' })
  .min(1, 'Identity must not be empty.')
  .refine(
    (value) => Buffer.byteLength(value, 'utf8') <= LIMITS.identityBytes,
    `Identity must be at most ${LIMITS.identityBytes} bytes.`,
  )
  .refine(
    (value) => !/[\p{Cc}\p{Cf}/?#%]/u.test(value),
    'Identity must be printable text without / ? # or %.',
  );

/** A text field of a Twilio callback: Twilio sends each once, as a short (maybe empty) string. */
export const callbackText = (name: string, maxLength: number) =>
  z
    .string({ error: `${name} must be a single string.` })
    .max(maxLength, `${name} must be at most ${maxLength} characters.`);

/** An ISO 8601 date-time with its offset (as Twilio and the Video SDK write them), as epoch ms. */
export const isoTimestamp = (name: string) =>
  z
    .string({ error: `${name} must be a string.` })
    .max(64, `${name} must be at most 64 characters.`)
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/,
      `${name} must be an ISO 8601 date-time such as 2025-01-31T12:00:00.000Z.`,
    )
    .transform((value) => Date.parse(value))
    .refine((ms) => Number.isFinite(ms), `${name} must be a real date and time.`);

export const agentTaskParams = z.object({ Token: flexToken, TaskSid: taskSid });
export type AgentTaskParams = z.infer<typeof agentTaskParams>;
/** /video/recordings: a page's `nextCursor`, sent back for the next one. */
export const recordingsParams = agentTaskParams.extend({
  Cursor: z
    .string()
    .regex(/^[0-9]{1,13}-RM[0-9a-f]{32}$/, 'Cursor must be the nextCursor of a previous page')
    .optional(),
});

function describe(issue: z.core.$ZodIssue, event: Record<string, unknown>): string {
  const name = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type' && issue.path.length > 0 && event[String(issue.path[0])] === undefined)
    return `${name} is required.`;
  return issue.message.includes(name) || !name ? issue.message : `${name}: ${issue.message}`;
}

export function parseParams<S extends z.ZodType>(schema: S, event: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(event);
  if (!result.success) {
    throw new AppError('invalid_request', describe(result.error.issues[0], event));
  }
  return result.data;
}
