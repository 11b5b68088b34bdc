import * as z from 'zod';
import { admitAndHold } from '../../core/admission-hold';
import { admitByLink } from '../../core/practice';
import { practiceDeps } from '../../platform/deps';
import { defineEndpoint } from '../../platform/http';
import { displayName, invite, optionalFlag, parseParams } from '../../platform/validate';

const joinParams = z.object({ Invite: invite, Name: displayName, Wait: optionalFlag('Wait') });

/** POST /video/join: the customer's token, for the room their invite names (a practice link's:
 * the trainer's, for the practice room). `Name` is checked
 * and not used: one link is one identity whatever name is sent (tokens.ts), and the agent knows
 * the customer from the Flex task already. `Wait` holds the answer while the link keeps admitting
 * (admission-hold.ts): the join page's preview follows the room with it. */
export const handler = defineEndpoint('/video/join', 'customer', (invocation, rawParams) => {
  const params = parseParams(joinParams, rawParams);
  const deps = practiceDeps(invocation);
  return params.Wait ? admitAndHold(deps, params.Invite) : admitByLink(deps, params.Invite);
});
