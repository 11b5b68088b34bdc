import * as z from 'zod';
import { endPractice, rejoinPractice, startPractice } from '../../core/practice';
import { practiceDeps } from '../../platform/deps';
import { defineFlexUserEndpoint } from '../../platform/flex-auth';
import { flexToken, roomSid } from '../../platform/validate';

const practiceParams = z.discriminatedUnion(
  'Action',
  [
    z.object({ Token: flexToken, Action: z.literal('start') }),
    z.object({ Token: flexToken, Action: z.enum(['token', 'end']), RoomSid: roomSid }),
  ],
  { error: 'Action must be start, token or end.' },
);

/**
 * POST /video/practice: a practice call, tied to no task. `start` makes a practice room and its
 * link (a trainer plays the customer on the real join page) and gives the agent a token; `token`
 * gives a fresh one for the agent's practice room; `end` ends it. Any authenticated Flex user may
 * practise, within their own bounds (practice.ts).
 */
export const handler = defineFlexUserEndpoint(
  '/video/practice',
  practiceParams,
  (invocation, params, user) => {
    const deps = practiceDeps(invocation);
    if (params.Action === 'start') return startPractice(deps, user);
    if (params.Action === 'token') return rejoinPractice(deps, user, params.RoomSid);
    return endPractice(deps, user, params.RoomSid);
  },
);
