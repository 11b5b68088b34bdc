import { listTaskRecordings } from '../../core/recordings-listing';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { recordingsParams } from '../../platform/validate';

/** POST /video/recordings: the task's rooms, a page at a time (Cursor), with their recordings,
 * compositions and recording failures, newest first; no media URLs. */
export const handler = defineAgentEndpoint(
  '/video/recordings',
  recordingsParams,
  ['accepted', 'wrapping', 'completed'],
  (invocation, params, { task }) => listTaskRecordings(escalationDeps(invocation), task.sid, params.Cursor),
);
