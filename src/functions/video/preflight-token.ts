import { issuePreflightToken, takePreflightQuota } from '../../core/preflight';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams } from '../../platform/validate';

/** POST /video/preflight-token: a token for Twilio Video's preflight test (the panel's equipment
 * check), never for the task's room. Authorized like every agent endpoint, so only an agent
 * holding the task can spend the account's TURN allowance on it, and at most 10 a minute. */
export const handler = defineAgentEndpoint(
  '/video/preflight-token',
  agentTaskParams,
  ['accepted'],
  async ({ config, twilio, now }, _params, { agent }) => {
    await takePreflightQuota(twilio, config.syncServiceSid, agent, now().getTime());
    return issuePreflightToken(config);
  },
);
