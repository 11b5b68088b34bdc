import * as z from 'zod';
import { changeRecording, recordingStatus } from '../../core/recording';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams } from '../../platform/validate';

const recordingParams = agentTaskParams.extend({
  Action: z.enum(['start', 'stop', 'status'], { error: 'Action must be start, stop or status.' }),
});

/** POST /video/recording: starts or stops recording the task's room under VIDEO_RECORDING, or
 * tells whether it records; each real change is told to the customer once. */
export const handler = defineAgentEndpoint(
  '/video/recording',
  recordingParams,
  ['accepted'],
  (invocation, params, { task, room }) => {
    const deps = escalationDeps(invocation);
    return params.Action === 'status'
      ? recordingStatus(deps, task, room)
      : changeRecording(deps, task, room, params.Action);
  },
  { readsRoom: true, writesGuards: true },
);
