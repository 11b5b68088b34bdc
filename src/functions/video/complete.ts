import { completeSession } from '../../core/escalation';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams } from '../../platform/validate';

/** POST /video/complete: ends the task's room and tells the customer; safe to repeat. */
export const handler = defineAgentEndpoint(
  '/video/complete',
  agentTaskParams,
  ['accepted', 'wrapping'],
  (invocation, _params, { task, room }) => completeSession(escalationDeps(invocation), task, room),
  { readsRoom: true, writesGuards: true },
);
