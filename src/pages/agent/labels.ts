/** The words for what the panel knows: participants by kind, problems by kind. */
import type { MediaProblem } from '../shared/browser';
import { fill, type AgentStrings } from '../shared/strings';
import type { ParticipantRow } from './participants';
import type { Problem, ProblemKind } from './problems';

/** Long identities are cut for display; the full one is in the row's title. */
const MAX_SHOWN_IDENTITY = 40;

export function participantLabel(row: ParticipantRow, text: AgentStrings): string {
  switch (row.kind) {
    case 'you':
      return text.you;
    case 'customer':
      return row.ordinal ? fill(text.customerNumbered, { number: row.ordinal }) : text.customer;
    case 'agent':
      return row.ordinal ? fill(text.otherAgentNumbered, { number: row.ordinal }) : text.otherAgent;
    case 'supervisor':
      return row.ordinal ? fill(text.supervisorNumbered, { number: row.ordinal }) : text.supervisor;
    case 'unexpected':
      return text.unexpected;
  }
}

/** The label, and for anyone unexpected the identity too: it is all the agent can tell them by. */
export function participantName(row: ParticipantRow, text: AgentStrings): string {
  const label = participantLabel(row, text);
  if (row.kind !== 'unexpected') return label;
  const identity =
    row.identity.length > MAX_SHOWN_IDENTITY
      ? `${row.identity.slice(0, MAX_SHOWN_IDENTITY - 1)}…`
      : row.identity;
  return `${label} “${identity}”`;
}

const PROBLEM_TEXT: Readonly<Record<ProblemKind, keyof AgentStrings>> = {
  config: 'problemConfig',
  'signed-out': 'problemSignedOut',
  'not-your-task': 'problemNotYourTask',
  'no-task': 'problemNoTask',
  'not-chat': 'problemNotChat',
  'recording-disabled': 'problemRecordingDisabled',
  'transcription-disabled': 'problemTranscriptionDisabled',
  'transcription-unavailable': 'problemTranscriptionUnavailable',
  'no-room': 'problemNoRoom',
  busy: 'problemBusy',
  offline: 'problemOffline',
  connect: 'problemConnect',
  unsupported: 'problemUnsupported',
  'not-ready': 'problemNotReady',
  'rate-limited': 'problemRateLimited',
  service: 'problemService',
};

export function problemText(problem: Problem, text: AgentStrings): string {
  return fill(text[PROBLEM_TEXT[problem.kind]], { seconds: problem.retryAfterSeconds ?? 10 });
}

/** Why the camera or microphone is missing, if it is. */
export function mediaProblemText(
  problems: { audio: MediaProblem | null; video: MediaProblem | null },
  text: AgentStrings,
): string[] {
  const said = new Set<string>();
  const describe = (kind: 'audio' | 'video', problem: MediaProblem | null) => {
    if (problem === 'denied') said.add(kind === 'audio' ? text.micBlocked : text.cameraBlocked);
    else if (problem === 'not-found') said.add(kind === 'audio' ? text.micMissing : text.cameraMissing);
    else if (problem === 'in-use') said.add(text.deviceInUse);
    else if (problem === 'failed') said.add(text.mediaFailed);
    else if (problem === 'background') said.add(text.backgroundUnsupported);
  };
  describe('video', problems.video);
  describe('audio', problems.audio);
  return [...said];
}
