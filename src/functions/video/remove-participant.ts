import { removeParticipant } from '../../core/participants';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams, participantIdentity } from '../../platform/validate';

/** POST /video/remove-participant: disconnects a participant of the task's room and revokes the
 * link that admitted it. */
export const handler = defineAgentEndpoint(
  '/video/remove-participant',
  agentTaskParams.extend({ Identity: participantIdentity }),
  ['accepted'],
  (invocation, params, { agent, room }) =>
    removeParticipant(escalationDeps(invocation), room, agent, params.Identity),
  { readsRoom: true, writesGuards: true },
);
