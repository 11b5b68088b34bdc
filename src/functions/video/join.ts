import * as z from 'zod';
import { admitCustomer } from '../../core/escalation';
import { escalationDeps } from '../../platform/deps';
import { defineEndpoint } from '../../platform/http';
import { displayName, invite, parseParams } from '../../platform/validate';

const joinParams = z.object({ Invite: invite, Name: displayName });

/** POST /video/join: the customer's token, for the room their invite names. `Name` is checked
 * and not used: one link is one identity whatever name is sent (tokens.ts), and the agent knows
 * the customer from the Flex task already. */
export const handler = defineEndpoint('/video/join', 'customer', (invocation, rawParams) => {
  const params = parseParams(joinParams, rawParams);
  return admitCustomer(escalationDeps(invocation), params.Invite);
});
