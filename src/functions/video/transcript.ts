import * as z from 'zod';
import { LIMITS } from '../../contract';
import { reportResults } from '../../core/transcription';
import { escalationDeps } from '../../platform/deps';
import { defineAgentEndpoint } from '../../platform/flex-auth';
import { agentTaskParams, isoTimestamp, participantIdentity } from '../../platform/validate';

const result = z.strictObject(
  {
    Participant: participantIdentity,
    Text: z
      .string({ error: 'Text must be a string.' })
      .max(
        LIMITS.transcriptResultLength,
        `Text must be at most ${LIMITS.transcriptResultLength} characters.`,
      ),
    Timestamp: isoTimestamp('Timestamp'),
    Sequence: z
      .number({ error: 'Sequence must be a whole number.' })
      .int('Sequence must be a whole number.')
      .min(0, 'Sequence must not be negative.')
      .max(Number.MAX_SAFE_INTEGER, 'Sequence is too large.'),
  },
  { error: 'Each result must be an object of Participant, Text, Timestamp and Sequence only.' },
);

const transcriptParams = agentTaskParams.extend({
  Results: z
    .array(result, { error: 'Results must be a JSON array of results.' })
    .min(1, 'Results must not be empty.')
    .max(
      LIMITS.transcriptResultsPerReport,
      `Results must hold at most ${LIMITS.transcriptResultsPerReport} results.`,
    ),
});

/** POST /video/transcript: the agent's panel reports final transcription results of the task's
 * room; the bundle keeps them for the transcript it posts into the conversation. */
export const handler = defineAgentEndpoint(
  '/video/transcript',
  transcriptParams,
  ['accepted'],
  (invocation, params, { room }) =>
    reportResults(
      escalationDeps(invocation),
      room,
      params.Results.map((r) => ({
        participant: r.Participant,
        text: r.Text,
        at: r.Timestamp,
        seq: r.Sequence,
      })),
    ),
  { readsRoom: true, writesGuards: true },
);
