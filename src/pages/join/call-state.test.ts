import {
  announcements,
  comings,
  callDuration,
  explainedEnd,
  mediaAnnouncements,
  initialCallState,
  reduceCall,
  stageFit,
  type CallEvent,
  type CallState,
} from './call-state';

const run = (...events: CallEvent[]): CallState => events.reduce(reduceCall, initialCallState);
const connected = (identities: string[] = [], recording = false, transcribing = false): CallEvent => ({
  type: 'connected',
  identities,
  recording,
  transcribing,
});

test('transcription: as /video/join said at connect, or from the first result heard; announced once', () => {
  expect(run(connected()).transcribing).toBe(false);
  expect(run(connected([], false, true)).transcribing).toBe(true);
  const before = run(connected());
  const after = reduceCall(before, { type: 'transcribed' });
  expect(after.transcribing).toBe(true);
  expect(announcements(before, after)).toEqual(['transcriptionStarted']);
  expect(reduceCall(after, { type: 'transcribed' })).toBe(after);
});

test('transcription as the agent’s panel tells it: on at Start, off at Stop, each announced; late results do not turn it back on', () => {
  const before = run(connected());
  const started = reduceCall(before, { type: 'transcriptionTold', on: true });
  expect(started.transcribing).toBe(true);
  expect(announcements(before, started)).toEqual(['transcriptionStarted']);
  expect(reduceCall(started, { type: 'transcriptionTold', on: true })).toBe(started);
  const stopped = reduceCall(started, { type: 'transcriptionTold', on: false });
  expect(stopped.transcribing).toBe(false);
  expect(announcements(started, stopped)).toEqual(['transcriptionStopped']);
  expect(reduceCall(stopped, { type: 'transcribed' })).toBe(stopped);
  // /video/join said it was on, and the panel says it is off: the panel's word is the later one.
  expect(run(connected([], false, true), { type: 'transcriptionTold', on: false }).transcribing).toBe(false);
});

test('waiting until a participant whose identity starts with agent- is there', () => {
  expect(run(connected()).phase).toBe('waiting');
  expect(run(connected(), { type: 'participantConnected', identity: 'customer-x' }).phase).toBe('waiting');
  const live = run(connected(), { type: 'participantConnected', identity: 'agent-WK1' });
  expect(live).toMatchObject({ phase: 'live', agentIdentity: 'agent-WK1' });
  expect(run(connected(['agent-WK1'])).phase).toBe('live');
});

test('the agent leaving returns to waiting, saying they left; another participant leaving does not', () => {
  const state = run(connected(['agent-WK1', 'customer-y']), {
    type: 'participantDisconnected',
    identity: 'customer-y',
  });
  expect(state.phase).toBe('live');
  const left = reduceCall(state, { type: 'participantDisconnected', identity: 'agent-WK1' });
  expect(left).toMatchObject({ phase: 'waiting', agentIdentity: null, agentLeft: true });
});

test('recording, reconnecting and network quality follow their events', () => {
  expect(run(connected([], true)).recording).toBe(true);
  expect(run(connected(), { type: 'recordingStarted' }).recording).toBe(true);
  expect(run(connected([], true), { type: 'recordingStopped' }).recording).toBe(false);
  expect(run(connected(), { type: 'reconnecting' }).reconnecting).toBe(true);
  expect(run(connected(), { type: 'reconnecting' }, { type: 'reconnected' }).reconnecting).toBe(false);
  expect(run(connected(), { type: 'networkQuality', level: 2 }).networkLevel).toBe(2);
});

test.each([
  [null, true, 'left'],
  [53118, false, 'agent-ended'],
  // Room not found means the same to both pages: the room is gone (the panel's ROOM_GONE).
  [53106, false, 'agent-ended'],
  [null, false, 'unexplained'],
  [53205, false, 'replaced'],
  [53001, false, 'connection-lost'],
  [20104, false, 'connection-lost'],
])('disconnected with %s (by the customer: %s) ends as %s', (errorCode, byCustomer, reason) => {
  const ended = run(
    connected([], true),
    { type: 'reconnecting' },
    { type: 'disconnected', errorCode, byCustomer },
  );
  expect(ended).toMatchObject({ phase: 'ended', endReason: reason, recording: false, reconnecting: false });
  expect(reduceCall(ended, { type: 'participantConnected', identity: 'agent-2' })).toBe(ended);
});

test('screen readers hear recording first, then connection, then the agent; nothing when the call ends', () => {
  expect(announcements(initialCallState, run(connected(['agent-1'], true)))).toEqual([
    'recordingStarted',
    'agentJoined',
  ]);
  const live = run(connected(['agent-1']));
  expect(announcements(live, reduceCall(live, { type: 'reconnecting' }))).toEqual(['reconnecting']);
  expect(
    announcements(live, reduceCall(live, { type: 'participantDisconnected', identity: 'agent-1' })),
  ).toEqual(['agentLeft']);
  expect(announcements(live, reduceCall(live, { type: 'networkQuality', level: 3 }))).toEqual([]);
  expect(
    announcements(live, reduceCall(live, { type: 'disconnected', errorCode: 53118, byCustomer: false })),
  ).toEqual([]);
});

test('an end without an error is told by what the link answers now', () => {
  const failed = (kind: 'revoked' | 'ended' | 'expired' | 'offline') => ({
    ok: false as const,
    failure: { kind },
  });
  expect(explainedEnd(failed('revoked'))).toBe('removed');
  expect(explainedEnd(failed('ended'))).toBe('agent-ended');
  expect(explainedEnd(failed('expired'))).toBe('agent-ended');
  expect(explainedEnd(failed('offline'))).toBe('connection-lost');
  const grant = {
    token: 't',
    roomName: 'r',
    identity: 'customer-x',
    expiresAt: 0,
    transcription: { policy: 'off' as const, active: false },
  };
  expect(explainedEnd({ ok: true, grant })).toBe('connection-lost');
});

test('everyone else in the room is listed in order of arrival; comings name all but the main agent', () => {
  const supervisor = `supervisor-${'f'.repeat(40)}`;
  const secondAgent = `agent-${'f'.repeat(40)}`;
  const start = run(connected(['agent-a']));
  const three = reduceCall(start, { type: 'participantConnected', identity: 'customer-old' });
  const four = reduceCall(three, { type: 'participantConnected', identity: supervisor });
  expect(four).toMatchObject({ agentIdentity: 'agent-a', others: ['agent-a', 'customer-old', supervisor] });
  expect(comings(start, three)).toEqual([{ role: 'roleOther', joined: true }]);
  expect(comings(three, four)).toEqual([{ role: 'roleSupervisor', joined: true }]);
  expect(comings(four, reduceCall(four, { type: 'participantConnected', identity: secondAgent }))).toEqual([
    { role: 'roleAgent', joined: true },
  ]);
  const gone = reduceCall(four, { type: 'participantDisconnected', identity: 'customer-old' });
  expect(gone.others).toEqual(['agent-a', supervisor]);
  expect(comings(four, gone)).toEqual([{ role: 'roleOther', joined: false }]);
  // The main agent's own coming and going is told by announcements (agentJoined, agentLeft).
  expect(comings(initialCallState, start)).toEqual([]);
  expect(comings(gone, reduceCall(gone, { type: 'participantDisconnected', identity: 'agent-a' }))).toEqual(
    [],
  );
});

test('the agent’s microphone and camera follow their track events and reset when they leave', () => {
  const live = run(connected(['agent-WK1']));
  const muted = reduceCall(live, { type: 'agentMedia', mic: false, camera: true });
  expect(muted).toMatchObject({ agentMic: false, agentCamera: true });
  const dark = reduceCall(muted, { type: 'agentMedia', mic: false, camera: false });
  expect(dark).toMatchObject({ agentMic: false, agentCamera: false });
  expect(reduceCall(dark, { type: 'agentMedia', mic: false, camera: false })).toBe(dark);
  const gone = reduceCall(dark, { type: 'participantDisconnected', identity: 'agent-WK1' });
  expect(gone).toMatchObject({ agentMic: true, agentCamera: true });
  // Nobody to speak of without an agent.
  expect(run(connected(), { type: 'agentMedia', mic: false, camera: false }).agentMic).toBe(true);
});

test('the agent’s media is said against what was last said', () => {
  const on = { mic: true, camera: true };
  expect(mediaAnnouncements(on, on)).toEqual([]);
  expect(mediaAnnouncements(on, { mic: false, camera: true })).toEqual(['agentMicOff']);
  expect(mediaAnnouncements(on, { mic: false, camera: false })).toEqual(['agentMicOff', 'agentCameraOff']);
  expect(mediaAnnouncements({ mic: false, camera: false }, on)).toEqual(['agentMicOn', 'agentCameraOn']);
});

test('the agent’s camera fills the stage in either orientation; a screen share, or a picture filling would mostly cut, is fitted', () => {
  const portraitPhone = { width: 390, height: 760 };
  const landscapePhone = { width: 844, height: 300 };
  expect(stageFit({ width: 640, height: 480 }, portraitPhone, false)).toBe('fill');
  expect(stageFit({ width: 1280, height: 720 }, portraitPhone, false)).toBe('fill');
  expect(stageFit({ width: 480, height: 640 }, landscapePhone, false)).toBe('fill');
  expect(stageFit({ width: 1280, height: 720 }, portraitPhone, true)).toBe('fit');
  expect(stageFit({ width: 4000, height: 400 }, portraitPhone, false)).toBe('fit');
  expect(stageFit({ width: 0, height: 0 }, portraitPhone, false)).toBe('fill');
});

test('the call time is m:ss, then h:mm:ss, in the locale’s digits', () => {
  expect(callDuration(0, 'en')).toBe('0:00');
  expect(callDuration(65.7, 'en')).toBe('1:05');
  expect(callDuration(3600 + 62, 'de')).toBe('1:01:02');
  expect(callDuration(75, 'ar-EG')).toBe('١:١٥');
});
