import type { AgentApi, AgentGrant, PracticeCall } from '../shared/api';
import { callSwitches, practiceApi } from './practice';

const ROOM = `RM${'2'.repeat(32)}`;
const grant: AgentGrant = {
  token: 't',
  identity: `agent-${'0'.repeat(40)}`,
  roomName: 'practice-abc-1',
  roomSid: ROOM,
  expiresAt: 1,
};
const call: PracticeCall = {
  roomSid: ROOM,
  joinUrl: 'https://x.example/join.html#invite=z',
  endsAt: 9,
  agent: grant,
};

/** The task's API as a record of what was asked: the practice adapter must never touch the task's calls. */
function taskApi(asked: string[]): AgentApi {
  const no = (name: string) => () => {
    asked.push(name);
    return Promise.resolve({
      ok: false as const,
      failure: { status: 500, code: 'unknown', retryAfterSeconds: null },
    });
  };
  return {
    escalate: no('escalate'),
    agentCall: no('agentCall'),
    agentToken: no('agentToken'),
    recording: no('recording'),
    transcription: no('transcription'),
    transcript: no('transcript'),
    snapshotRequest: no('snapshotRequest'),
    complete: no('complete'),
    removeParticipant: no('removeParticipant'),
    preflightToken: no('preflightToken'),
    readiness: no('readiness'),
    practiceStart: () => (asked.push('practiceStart'), Promise.resolve({ ok: true as const, value: call })),
    practiceToken: (sid) => (
      asked.push(`practiceToken ${sid}`),
      Promise.resolve({ ok: true as const, value: grant })
    ),
    practiceEnd: (sid) => (
      asked.push(`practiceEnd ${sid}`),
      Promise.resolve({ ok: true as const, value: { roomSid: sid } })
    ),
  };
}

test('start, rejoin and end go to /video/practice for the practice room; the task’s calls are never made', async () => {
  const asked: string[] = [];
  const started: PracticeCall[] = [];
  const api = practiceApi(taskApi(asked), (c) => started.push(c));
  expect(await api.agentCall()).toEqual({ ok: true, value: { call: null } });
  expect(await api.escalate(false)).toEqual({
    ok: true,
    value: { roomSid: ROOM, joinUrl: call.joinUrl, created: true, inviteStatus: 'posted', agent: grant },
  });
  expect(started).toEqual([call]);
  expect(await api.agentToken()).toEqual({ ok: true, value: grant });
  expect(await api.agentCall()).toEqual({ ok: true, value: { call: grant } });
  expect(await api.complete()).toEqual({ ok: true, value: { roomSid: ROOM } });
  expect(asked).toEqual([
    'practiceStart',
    `practiceToken ${ROOM}`,
    `practiceToken ${ROOM}`,
    `practiceEnd ${ROOM}`,
  ]);
});

test('what a practice room has no part in is refused without asking the service', async () => {
  const asked: string[] = [];
  const api = practiceApi(taskApi(asked), () => undefined);
  expect(await api.recording('start')).toMatchObject({ ok: false, failure: { code: 'recording_disabled' } });
  expect(await api.transcription('start')).toMatchObject({
    ok: false,
    failure: { code: 'transcription_disabled' },
  });
  expect(await api.snapshotRequest()).toMatchObject({ ok: false, failure: { code: 'snapshots_disabled' } });
  expect(await api.removeParticipant('customer-x')).toMatchObject({
    ok: false,
    failure: { code: 'forbidden' },
  });
  expect(await api.escalate(true)).toMatchObject({ ok: false, failure: { code: 'forbidden' } });
  expect(await api.agentToken()).toMatchObject({ ok: false, failure: { code: 'no_room' } });
  expect(asked).toEqual([]);
});

test('a practice call offers no recording, transcription (nor its captions) or Take picture, whatever the policies', () => {
  const every = { transcription: 'on-demand', snapshots: 'ask' } as const;
  expect(callSwitches(every, true)).toEqual({ recording: false, transcription: false, snapshots: false });
  expect(callSwitches({ transcription: 'always', snapshots: 'on' }, true)).toEqual({
    recording: false,
    transcription: false,
    snapshots: false,
  });
  // A task's call: as the company's policies have it.
  expect(callSwitches(every, false)).toEqual({ recording: true, transcription: true, snapshots: true });
  expect(callSwitches({ transcription: 'off', snapshots: 'off' }, false)).toEqual({
    recording: true,
    transcription: false,
    snapshots: false,
  });
});
