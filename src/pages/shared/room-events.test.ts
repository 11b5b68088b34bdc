import { EventEmitter } from 'node:events';
import { followRoom, presentTracks, remoteMedia, type RoomEvents } from './room-events';
import type { RemoteParticipant, RemoteTrack, RemoteTrackPublication, Room } from './sdk';

/** A double of the SDK's Room: only its events and the participants already in it. */
function roomDouble(participants: RemoteParticipant[] = []) {
  const room = new EventEmitter();
  const localParticipant = new EventEmitter();
  return Object.assign(room, {
    localParticipant,
    participants: new Map(participants.map((p) => [p.sid, p])),
  }) as unknown as Room & EventEmitter & { localParticipant: EventEmitter };
}

const track = (kind: 'audio' | 'video' | 'data', sid: string) => ({ kind, sid, name: sid }) as RemoteTrack;
const participant = (sid: string, tracks: (RemoteTrack | null)[] = []) =>
  ({
    sid,
    identity: `agent-${sid}`,
    tracks: new Map(tracks.map((t, i) => [`PUB${i}`, { track: t }])),
  }) as unknown as RemoteParticipant;

function recorder(): { seen: string[]; events: RoomEvents } {
  const seen: string[] = [];
  return {
    seen,
    events: {
      participantConnected: (p) => seen.push(`joined ${p.sid}`),
      participantDisconnected: (p) => seen.push(`left ${p.sid}`),
      trackSubscribed: (t, p) => seen.push(`track ${t.sid} of ${p.sid}`),
      trackUnsubscribed: (t) => seen.push(`untrack ${t.sid}`),
      mediaChanged: (p) => seen.push(`media of ${p.sid}`),
      reconnecting: () => seen.push('reconnecting'),
      reconnected: () => seen.push('reconnected'),
      recordingChanged: (on) => seen.push(`recording ${on}`),
      localNetworkLevel: (level) => seen.push(`network ${level}`),
      disconnected: (code) => seen.push(`disconnected ${code}`),
    },
  };
}

test('each SDK event reaches the page once, in order; data tracks are never handed over', () => {
  const room = roomDouble();
  const { seen, events } = recorder();
  followRoom(room, events);
  const other = participant('PA1');
  room.emit('participantConnected', other);
  room.emit('trackSubscribed', track('video', 'MT1'), {}, other);
  room.emit('trackSubscribed', track('data', 'MT2'), {}, other);
  room.emit('trackUnsubscribed', track('data', 'MT2'), {}, other);
  room.emit('recordingStarted');
  room.emit('reconnecting', Object.assign(new Error('lost'), { code: 53001 }));
  room.emit('reconnected');
  room.localParticipant.emit('networkQualityLevelChanged', 3);
  room.emit('recordingStopped');
  room.emit('trackUnsubscribed', track('video', 'MT1'), {}, other);
  room.emit('participantDisconnected', other);
  room.emit('disconnected', room, Object.assign(new Error('done'), { code: 53118 }));
  expect(seen).toEqual([
    'joined PA1',
    'track MT1 of PA1',
    'recording true',
    'reconnecting',
    'reconnected',
    'network 3',
    'recording false',
    'untrack MT1',
    'left PA1',
    'disconnected 53118',
  ]);
});

test('a disconnect without an error (how a REST removal arrives) is a null code', () => {
  const room = roomDouble();
  const { seen, events } = recorder();
  followRoom(room, events);
  room.emit('disconnected', room);
  expect(seen).toEqual(['disconnected null']);
});

test('present tracks: only those already subscribed, media only, with their participant', () => {
  const audio = track('audio', 'MTa');
  const video = track('video', 'MTv');
  const first = participant('PA1', [audio, null, track('data', 'MTd')]);
  const second = participant('PA2', [video]);
  const listed = presentTracks(roomDouble([first, second])).map(
    ({ track: t, participant: p }) => `${t.sid} of ${p.sid}`,
  );
  expect(listed).toEqual(['MTa of PA1', 'MTv of PA2']);
});

test('a track published, unpublished, disabled or enabled is a media change of its participant', () => {
  const room = roomDouble();
  const { seen, events } = recorder();
  followRoom(room, events);
  const other = participant('PA1');
  for (const event of ['trackPublished', 'trackDisabled', 'trackEnabled', 'trackUnpublished'])
    room.emit(event, {}, other);
  expect(seen).toEqual(['media of PA1', 'media of PA1', 'media of PA1', 'media of PA1']);
});

test('remote media: a microphone or camera counts while published and enabled; a screen share is no camera', () => {
  const publication = (kind: 'audio' | 'video' | 'data', isTrackEnabled: boolean, trackName = 'cam') =>
    ({ kind, isTrackEnabled, trackName, track: null }) as RemoteTrackPublication;
  const sending = (...publications: RemoteTrackPublication[]) =>
    remoteMedia({ tracks: new Map(publications.map((p, i) => [`PUB${i}`, p])) } as RemoteParticipant);
  expect(sending()).toEqual({ mic: false, camera: false });
  expect(sending(publication('audio', true), publication('video', true))).toEqual({
    mic: true,
    camera: true,
  });
  expect(sending(publication('audio', false), publication('video', false))).toEqual({
    mic: false,
    camera: false,
  });
  expect(sending(publication('video', true, 'screen'), publication('data', true))).toEqual({
    mic: false,
    camera: false,
  });
});
