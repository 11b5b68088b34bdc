import { listTaskRecordings } from '../../core/recordings-listing';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams } from '../../platform/validate';

/** POST /video/recordings: every room the task has had, with its recordings, compositions and
 * recording failures, newest first; no media URLs. */
export const handler = defineAgentEndpoint(
  '/video/recordings',
  agentTaskParams,
  ['accepted', 'wrapping', 'completed'],
  (invocation, _params, { task }) => listTaskRecordings(escalationDeps(invocation), task.sid),
);
