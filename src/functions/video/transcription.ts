import * as z from 'zod';
import { changeTranscription, transcriptionStatus } from '../../core/transcription';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams } from '../../platform/validate';

const transcriptionParams = agentTaskParams.extend({
  Action: z.enum(['start', 'stop', 'status'], { error: 'Action must be start, stop or status.' }),
});

/** POST /video/transcription: starts or stops the live transcription of the task's room under
 * VIDEO_TRANSCRIPTION, or tells whether it runs; each real change is told to the customer once,
 * and a stop posts the transcript of what was said since the start. */
export const handler = defineAgentEndpoint(
  '/video/transcription',
  transcriptionParams,
  ['accepted'],
  (invocation, params, { task, room }) => {
    const deps = escalationDeps(invocation);
    return params.Action === 'status'
      ? transcriptionStatus(deps, task, room)
      : changeTranscription(deps, task, room, params.Action);
  },
  { readsRoom: true, writesGuards: true },
);
