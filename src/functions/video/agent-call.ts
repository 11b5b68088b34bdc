import { agentCallOfTask } from '../../core/escalation';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams } from '../../platform/validate';

/** POST /video/agent-call: the task's call with the agent's token for it, or `call: null`. */
export const handler = defineAgentEndpoint(
  '/video/agent-call',
  agentTaskParams,
  ['accepted'],
  (invocation, _params, { agent, room }) => agentCallOfTask(escalationDeps(invocation), room, agent),
  { readsRoom: true },
);
