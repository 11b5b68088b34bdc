import { escalate } from '../../core/escalation';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams, optionalFlag } from '../../platform/validate';

/** POST /video/escalate: the task's room, its invite in the chat, and the agent's token; under
 * VIDEO_AGENT_READINESS=require only for an agent with a fresh passing check. */
export const handler = defineAgentEndpoint(
  '/video/escalate',
  agentTaskParams.extend({ Resend: optionalFlag('Resend') }),
  ['accepted'],
  (invocation, params, { agent, task }) => escalate(escalationDeps(invocation), task, agent, params.Resend),
  { requiresReadiness: true },
);
