import { reissueAgentToken } from '../../core/escalation';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams } from '../../platform/validate';

/** POST /video/agent-token: a fresh agent token for the task's room, e.g. after a reload. */
export const handler = defineAgentEndpoint(
  '/video/agent-token',
  agentTaskParams,
  ['accepted'],
  (invocation, _params, { agent, room }) => reissueAgentToken(escalationDeps(invocation), room, agent),
  {
    readsRoom: true,
  },
);
