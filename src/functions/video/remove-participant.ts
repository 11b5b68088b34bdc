import { customerChatOf } from '../../core/notices';
import { removeParticipant } from '../../core/participants';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams, participantIdentity } from '../../platform/validate';

/** POST /video/remove-participant: disconnects a participant of the task's room, revokes the
 * link that admitted it, and tells a removed customer in the task's chat. */
export const handler = defineAgentEndpoint(
  '/video/remove-participant',
  agentTaskParams.extend({ Identity: participantIdentity }),
  ['accepted'],
  (invocation, params, { agent, room, task }) => {
    const deps = escalationDeps(invocation);
    return removeParticipant(deps, room, agent, params.Identity, customerChatOf(deps.notices, task));
  },
  { readsRoom: true, writesGuards: true },
);
