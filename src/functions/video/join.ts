import * as z from 'zod';
import { admitByLink } from '../../core/practice';
import { practiceDeps } from '../../platform/deps';
import { defineEndpoint } from '../../platform/http';
import { displayName, invite, parseParams } from '../../platform/validate';

const joinParams = z.object({ Invite: invite, Name: displayName });

/** POST /video/join: the customer's token, for the room their invite names (a practice link's:
 * the trainer's, for the practice room). `Name` is checked
 * and not used: one link is one identity whatever name is sent (tokens.ts), and the agent knows
 * the customer from the Flex task already. */
export const handler = defineEndpoint('/video/join', 'customer', (invocation, rawParams) => {
  const params = parseParams(joinParams, rawParams);
  return admitByLink(practiceDeps(invocation), params.Invite);
});
