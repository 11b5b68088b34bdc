import * as z from 'zod';
import { SNAPSHOT_TYPES } from '../../contract';
import { postSnapshot } from '../../core/snapshots';
import { escalationDeps } from '../../platform/deps';
import { defineEndpoint } from '../../platform/http';
import { invite, parseParams, snapshotRequestId } from '../../platform/validate';

const snapshotParams = z.object({
  Invite: invite,
  RequestId: snapshotRequestId,
  ContentType: z.enum(SNAPSHOT_TYPES, { error: 'ContentType must be image/jpeg or image/png.' }),
  // Its size is judged by the core (413), not here: only what cannot be base64 at all is a 400.
  Image: z
    .string({ error: 'Image must be a string.' })
    .min(4, 'Image must not be empty.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Image must be base64.'),
});

/** POST /video/snapshot: the customer's page posts the picture the agent asked for, into the
 * task's conversation. */
export const handler = defineEndpoint('/video/snapshot', 'customer', (invocation, rawParams) => {
  const params = parseParams(snapshotParams, rawParams);
  return postSnapshot(escalationDeps(invocation), {
    invite: params.Invite,
    requestId: params.RequestId,
    type: params.ContentType,
    image: params.Image,
  });
});
