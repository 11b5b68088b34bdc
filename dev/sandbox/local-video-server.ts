import { createHmac, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { API_SECRET, type Participant, type TwilioEmulator } from '../emulator';

/**
 * The server side of the local stand-in for Twilio's media servers (local-video.js): admits a
 * page to the emulator's room on its Video access token, tells each page what happens in its room
 * (participants, recording, the room's end) from the emulator's state, and relays the WebRTC
 * offers, answers and candidates between pages. Media flows page to page on this machine.
 *
 *   POST /__sandbox/video/connect     {token}                 -> {sid, identity, roomSid, roomName, isRecording, participants}
 *   GET  /__sandbox/video/events?participant=PA...            Server-Sent Events for that participant
 *   POST /__sandbox/video/signal      {from, to, data}        relayed to `to` as {type: 'signal', from, data}
 *   POST /__sandbox/video/disconnect  {participant}           the page left
 */

/** Twilio's codes, as the real SDK reports them. */
const ROOM_NOT_FOUND = 53106;
const ROOM_COMPLETED = 53118;
const DUPLICATE_IDENTITY = 53205;
const INVALID_TOKEN = 20101;

interface Claims {
  grants?: { identity?: string; video?: { room?: string } };
  exp?: number;
}

/** The access token's claims, if the bundle's API secret signed it (HS256) and it has not expired. */
function verifiedClaims(token: string): Claims | null {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return null;
  const expected = createHmac('sha256', API_SECRET).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
  return claims.exp && claims.exp * 1000 < Date.now() ? null : claims;
}

type Send = (event: unknown) => void;

export class LocalVideo {
  private readonly streams = new Map<string, Send>();
  /** What each page was last told about recording, so it hears of changes only. */
  private readonly toldRecording = new Map<string, boolean>();

  constructor(private readonly emulator: TwilioEmulator) {
    emulator.onEvent((event) => {
      if (event.type !== 'room') return;
      const { room } = event;
      const here = (p: Participant) => p.room_sid === room.sid && this.streams.has(p.sid);
      const listeners = this.emulator.participants.filter(here);
      if (event.event === 'participant-connected' || event.event === 'participant-disconnected') {
        const sid = event.params.ParticipantSid;
        if (event.event === 'participant-disconnected' && this.streams.has(sid)) {
          this.send(sid, {
            type: 'disconnected',
            code: room.status === 'in-progress' ? DUPLICATE_IDENTITY : ROOM_COMPLETED,
          });
        }
        const type =
          event.event === 'participant-connected' ? 'participantConnected' : 'participantDisconnected';
        for (const p of listeners)
          if (p.sid !== sid) this.send(p.sid, { type, sid, identity: event.params.ParticipantIdentity });
      }
      const recording = this.emulator.isRecording(room.sid);
      for (const p of listeners) {
        if (p.status !== 'connected' || this.toldRecording.get(p.sid) === recording) continue;
        this.toldRecording.set(p.sid, recording);
        this.send(p.sid, { type: 'recording', on: recording });
      }
    });
  }

  private send(participantSid: string, event: unknown): void {
    this.streams.get(participantSid)?.(event);
  }

  /** Answers the stand-in's requests; false for any other path. */
  handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: Record<string, unknown>,
  ): boolean {
    const json = (status: number, answer: unknown) =>
      res
        .writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify(answer));
    switch (`${req.method} ${url.pathname}`) {
      case 'POST /__sandbox/video/connect': {
        const claims = typeof body.token === 'string' ? verifiedClaims(body.token) : null;
        const identity = claims?.grants?.identity;
        const roomSid = claims?.grants?.video?.room;
        if (!identity || !roomSid)
          return (json(401, { code: INVALID_TOKEN, message: 'Invalid Access Token' }), true);
        const room = this.emulator.room(roomSid);
        if (!room) return (json(404, { code: ROOM_NOT_FOUND, message: 'Room not found' }), true);
        if (room.status !== 'in-progress')
          return (json(410, { code: ROOM_COMPLETED, message: 'Room completed' }), true);
        // One connection per identity, as in Twilio: the newer one replaces the older.
        for (const old of this.emulator.participants.filter(
          (p) => p.room_sid === room.sid && p.identity === identity && p.status === 'connected',
        ))
          this.emulator.disconnect(old);
        const others = this.emulator.participants
          .filter((p) => p.room_sid === room.sid && p.status === 'connected')
          .map((p) => ({ sid: p.sid, identity: p.identity }));
        const sid = this.emulator.addParticipant(room.sid, identity).sid;
        this.toldRecording.set(sid, this.emulator.isRecording(room.sid));
        return (
          json(200, {
            sid,
            identity,
            roomSid: room.sid,
            roomName: room.unique_name,
            isRecording: this.emulator.isRecording(room.sid),
            participants: others,
          }),
          true
        );
      }
      case 'GET /__sandbox/video/events': {
        const sid = url.searchParams.get('participant') ?? '';
        const participant = this.emulator.participants.find((p) => p.sid === sid && p.status === 'connected');
        if (!participant) return (json(404, { code: ROOM_NOT_FOUND, message: 'Not connected' }), true);
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
        res.write(': connected\n\n');
        this.streams.set(sid, (event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
        // A closed tab leaves the room, as Twilio notices a vanished participant.
        req.once('close', () => {
          this.streams.delete(sid);
          if (participant.status === 'connected') this.emulator.disconnect(participant);
        });
        return true;
      }
      case 'POST /__sandbox/video/signal':
        this.send(String(body.to), { type: 'signal', from: body.from, data: body.data });
        return (json(200, {}), true);
      case 'POST /__sandbox/video/disconnect': {
        const participant = this.emulator.participants.find(
          (p) => p.sid === body.participant && p.status === 'connected',
        );
        if (participant) this.emulator.disconnect(participant);
        return (json(200, {}), true);
      }
      default:
        return false;
    }
  }
}
