import { requestSnapshot } from '../../core/snapshots';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams } from '../../platform/validate';

/** POST /video/snapshot-request: the agent asks for one picture of the customer's camera; the
 * answer's requestId goes to the customer's page over the call's data track. */
export const handler = defineAgentEndpoint(
  '/video/snapshot-request',
  agentTaskParams,
  ['accepted'],
  (invocation, _params, { task, room }) => requestSnapshot(escalationDeps(invocation), task, room),
  { readsRoom: true, writesGuards: true },
);
