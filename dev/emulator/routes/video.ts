import { ACCOUNT_SID, iso, Json, newSid, notFound, TwilioError } from '../ids';
import type { Composition, Room, Transcription } from '../state';
import { formValue as f, page, type Product, type Route, type RouteRequest } from './route';

function roomOf(req: RouteRequest, name: 'Sid' | 'RoomSid'): Room {
  const room = req.state.room(req.pathParams[name]);
  if (!room) throw notFound();
  return room;
}

function createRoom(req: RouteRequest): [number, Json] {
  const uniqueName = f(req, 'UniqueName') ?? newSid('RM');
  if (req.state.rooms.some((r) => r.unique_name === uniqueName && r.status === 'in-progress'))
    throw new TwilioError(400, 53113, 'Room exists');
  // A room created without explicit rules may report none, whatever it records.
  const rules =
    f(req, 'RecordingRules') === undefined
      ? []
      : (JSON.parse(f(req, 'RecordingRules')!) as { rules?: Json[] }).rules;
  if (!Array.isArray(rules)) throw new TwilioError(400, 53120, 'Invalid Recording Rules');
  const transcribe = f(req, 'TranscribeParticipantsOnConnect') === 'true';
  const configuration = jsonObject(req, 'TranscriptionsConfiguration');
  const room = req.state.createRoom(
    {
      unique_name: uniqueName,
      account_sid: ACCOUNT_SID,
      enable_turn: true,
      status_callback: f(req, 'StatusCallback') ?? null,
      status_callback_method: f(req, 'StatusCallbackMethod') ?? 'POST',
      duration: null,
      type: f(req, 'Type') ?? 'group',
      max_participants: 50,
      max_participant_duration: Number(f(req, 'MaxParticipantDuration') ?? 14400),
      max_concurrent_published_tracks: 170,
      record_participants_on_connect: f(req, 'RecordParticipantsOnConnect') === 'true',
      video_codecs: ['VP8'],
      media_region: 'us1',
      audio_only: false,
      empty_room_timeout: Number(f(req, 'EmptyRoomTimeout') ?? 5),
      unused_room_timeout: Number(f(req, 'UnusedRoomTimeout') ?? 5),
      large_room: false,
      url: '',
      links: {},
    },
    rules,
  );
  if (transcribe) req.state.startTranscription(room, configuration);
  return [201, room];
}

/** A form parameter the spec types `object`: a JSON object (the spec check has parsed it once). */
function jsonObject(req: RouteRequest, name: string): Json {
  const value = f(req, name);
  return value === undefined ? {} : (JSON.parse(value) as Json);
}

const transcriptionsUrl = (roomSid: string) => `https://video.twilio.com/v1/Rooms/${roomSid}/Transcriptions`;

/** Without the configuration, which Twilio's resource does not show. */
const shown = ({ configuration: _configuration, ...transcription }: Transcription): Json => transcription;

function inProgressRoom(req: RouteRequest): Room {
  const room = roomOf(req, 'RoomSid');
  if (room.status !== 'in-progress') throw new TwilioError(400, 53118, 'Room is not in-progress');
  return room;
}

/** One transcription per room: a second create while one exists is refused (restart it instead). */
function createTranscription(req: RouteRequest): [number, Json] {
  const room = inProgressRoom(req);
  if (req.state.transcriptionsOf(room.sid).length > 0)
    throw new TwilioError(409, 53120, 'The room already has a transcriptions resource');
  return [202, shown(req.state.startTranscription(room, jsonObject(req, 'Configuration')))];
}

function transcription(req: RouteRequest): [number, Json] {
  const room = roomOf(req, 'RoomSid');
  const found = req.state.transcriptionsOf(room.sid).find((t) => t.ttid === req.pathParams.Ttid);
  if (!found) throw notFound();
  if (req.method === 'GET') return [200, shown(found)];
  const status = f(req, 'Status');
  if (status !== 'started' && status !== 'stopped')
    throw new TwilioError(400, 53120, 'Status must be started or stopped');
  if (room.status !== 'in-progress') throw new TwilioError(400, 53118, 'Room is not in-progress');
  req.state.setTranscriptionStatus(found, status);
  return [202, shown(found)];
}

function recordingRules(req: RouteRequest): [number, Json] {
  const room = req.state.rooms.find((r) => r.sid === req.pathParams.RoomSid);
  if (!room) throw notFound();
  if (req.method === 'POST') {
    if (room.status !== 'in-progress') throw new TwilioError(400, 53118, 'Room is not in-progress');
    const rules: unknown = JSON.parse(f(req, 'Rules') ?? '[]');
    const valid =
      Array.isArray(rules) &&
      rules.length > 0 &&
      rules.every((rule: Json) => rule.type === 'include' || rule.type === 'exclude');
    if (!valid) throw new TwilioError(400, 53120, 'Invalid Recording Rules');
    req.state.setRecordingRules(room, rules as Json[]);
  }
  return [
    200,
    {
      room_sid: room.sid,
      rules: req.state.recordingRules.get(room.sid) ?? [],
      date_created: room.date_created,
      date_updated: iso(req.state.now()),
    },
  ];
}

function participant(req: RouteRequest): [number, Json] {
  const p = req.pathParams;
  // The Sid may be the participant's identity: then only a connected participant matches.
  const found = req.state.participants.find(
    (x) =>
      x.room_sid === p.RoomSid &&
      (x.sid === p.Sid || (x.identity === decodeURIComponent(p.Sid) && x.status === 'connected')),
  );
  if (!found) throw notFound();
  if (req.method === 'GET') return [200, found];
  if (f(req, 'Status') !== 'disconnected') throw new TwilioError(400, 53209, 'Participant status is invalid');
  req.state.disconnect(found);
  return [202, found];
}

function createComposition(req: RouteRequest): [number, Json] {
  const room = req.state.rooms.find((r) => r.sid === f(req, 'RoomSid'));
  if (!room) throw notFound();
  if (room.status === 'in-progress')
    throw new TwilioError(400, 53120, 'Room must be completed before it can be composed');
  if (f(req, 'VideoLayout') === undefined && f(req, 'AudioSources') === undefined)
    throw new TwilioError(400, 53120, 'VideoLayout or AudioSources required');
  const sid = newSid('CJ');
  const composition: Composition = {
    account_sid: ACCOUNT_SID,
    status: 'enqueued',
    date_created: iso(req.state.now()),
    date_completed: null,
    date_deleted: null,
    sid,
    room_sid: room.sid,
    audio_sources: req.form.getAll('AudioSources'),
    audio_sources_excluded: req.form.getAll('AudioSourcesExcluded'),
    video_layout: JSON.parse(f(req, 'VideoLayout') ?? '{}'),
    resolution: f(req, 'Resolution') ?? '640x480',
    trim: f(req, 'Trim') !== 'false',
    format: f(req, 'Format') ?? 'webm',
    bitrate: 0,
    size: 0,
    duration: 0,
    media_external_location: null,
    status_callback: f(req, 'StatusCallback') ?? null,
    status_callback_method: f(req, 'StatusCallbackMethod') ?? 'POST',
    url: `https://video.twilio.com/v1/Compositions/${sid}`,
    links: { media: `https://video.twilio.com/v1/Compositions/${sid}/Media` },
  };
  req.state.addComposition(composition);
  return [201, composition];
}

const routes: Route[] = [
  { method: 'POST', template: '/v1/Rooms', handle: createRoom },
  { method: 'GET', template: '/v1/Rooms/{Sid}', handle: (req) => [200, roomOf(req, 'Sid')] },
  {
    method: 'POST',
    template: '/v1/Rooms/{Sid}',
    handle: (req) => {
      const room = roomOf(req, 'Sid');
      if (room.status !== 'in-progress') throw new TwilioError(400, 53118, 'Room is already completed');
      req.state.endRoom(room.sid);
      return [200, room];
    },
  },
  {
    method: 'GET',
    template: '/v1/Rooms',
    handle: (req) => {
      const status = req.query.get('Status') ?? 'in-progress';
      const name = req.query.get('UniqueName');
      const items = req.state.rooms
        .filter((r) => r.status === status && (!name || r.unique_name === name))
        .sort((a, b) => b.date_created.localeCompare(a.date_created));
      return [200, page('rooms', items, req, 'https://video.twilio.com/v1/Rooms')];
    },
  },
  { method: 'GET', template: '/v1/Rooms/{RoomSid}/RecordingRules', handle: recordingRules },
  { method: 'POST', template: '/v1/Rooms/{RoomSid}/RecordingRules', handle: recordingRules },
  {
    method: 'GET',
    template: '/v1/Rooms/{RoomSid}/Recordings',
    handle: (req) => {
      const room = roomOf(req, 'RoomSid');
      const status = req.query.get('Status');
      const items = req.state.recordings.filter(
        (r) => r.room_sid === room.sid && (!status || r.status === status),
      );
      return [
        200,
        page('recordings', items, req, `https://video.twilio.com/v1/Rooms/${room.sid}/Recordings`),
      ];
    },
  },
  {
    method: 'GET',
    template: '/v1/Rooms/{RoomSid}/Participants',
    handle: (req) => {
      const roomSid = req.pathParams.RoomSid;
      const status = req.query.get('Status') ?? 'connected';
      const identity = req.query.get('Identity');
      const items = req.state.participants.filter(
        (x) => x.room_sid === roomSid && x.status === status && (!identity || x.identity === identity),
      );
      return [
        200,
        page('participants', items, req, `https://video.twilio.com/v1/Rooms/${roomSid}/Participants`),
      ];
    },
  },
  { method: 'GET', template: '/v1/Rooms/{RoomSid}/Participants/{Sid}', handle: participant },
  { method: 'POST', template: '/v1/Rooms/{RoomSid}/Participants/{Sid}', handle: participant },
  {
    method: 'GET',
    template: '/v1/Rooms/{RoomSid}/Transcriptions',
    handle: (req) => {
      const room = roomOf(req, 'RoomSid');
      const items = req.state.transcriptionsOf(room.sid).map(shown);
      return [200, page('extensions', items, req, transcriptionsUrl(room.sid))];
    },
  },
  { method: 'POST', template: '/v1/Rooms/{RoomSid}/Transcriptions', handle: createTranscription },
  { method: 'GET', template: '/v1/Rooms/{RoomSid}/Transcriptions/{Ttid}', handle: transcription },
  { method: 'POST', template: '/v1/Rooms/{RoomSid}/Transcriptions/{Ttid}', handle: transcription },
  { method: 'POST', template: '/v1/Compositions', handle: createComposition },
  {
    method: 'GET',
    template: '/v1/Compositions',
    handle: (req) => {
      const roomSid = req.query.get('RoomSid');
      const status = req.query.get('Status');
      const items = req.state.compositions
        .filter((c) => (!roomSid || c.room_sid === roomSid) && (!status || c.status === status))
        .sort((a, b) => String(b.date_created).localeCompare(String(a.date_created)));
      return [200, page('compositions', items, req, 'https://video.twilio.com/v1/Compositions')];
    },
  },
  {
    method: 'GET',
    template: '/v1/Compositions/{Sid}',
    handle: (req) => {
      const composition = req.state.compositions.find((c) => c.sid === req.pathParams.Sid);
      if (!composition) throw notFound();
      return [200, composition];
    },
  },
];

export const video: Product = { subdomain: 'video', routes };
