import { issuePreflightToken } from '../../core/preflight';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams } from '../../platform/validate';

/** POST /video/preflight-token: a token for Twilio Video's preflight test (the panel's equipment
 * check), never for the task's room. Authorized like every agent endpoint, so only an agent
 * holding the task can spend the account's TURN allowance on it. */
export const handler = defineAgentEndpoint(
  '/video/preflight-token',
  agentTaskParams,
  ['accepted'],
  ({ config }) => issuePreflightToken(config),
);
