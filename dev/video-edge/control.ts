import type http from 'node:http';
import type { EdgeError, VideoEdge } from './edge';

/**
 * The edge's fault controls over HTTP, for a test or a person driving the sandbox; each takes a
 * JSON body and answers JSON:
 *
 *   GET  /__video-edge/control/participants                      -> [{sid, identity, roomSid, reconnecting, withMedia}]
 *   POST /__video-edge/control/drop              {participant}    the page's socket is cut: reconnecting, then reconnected
 *   POST /__video-edge/control/refuse-reconnect  {participant, code?, message?}  its next reconnection fails with that code
 *   POST /__video-edge/control/refuse-publish    {identity, code?, message?}     its new tracks fail (trackPublicationFailed)
 *   POST /__video-edge/control/allow-publish     {identity}
 *   POST /__video-edge/control/signalling-only   {room, identity} -> {sid}       a participant with no page and no media
 *   POST /__video-edge/control/network-quality   {participant, level}             its network quality level (0-5), SID or identity
 *   POST /__video-edge/control/dominant-speaker  {room, participant}              the room's dominant speaker (null: none)
 *   POST /__video-edge/control/say               {room, participant, text, partial?}  its speech, transcribed
 *                                                                     (409 while the room's transcription is not started)
 *   GET  /__video-edge/control/media-signaling-peers  -> [{participantSid, identity, roomSid, channels, open}]
 * A control that names no participant or room the edge holds (or a level out of range, empty
 * speech) answers 404 or 400 and changes nothing.
 */
export const CONTROL_PATH = '/__video-edge/control/';

const errorOf = (body: Record<string, unknown>): EdgeError | undefined =>
  typeof body.code === 'number'
    ? { code: body.code, message: typeof body.message === 'string' ? body.message : 'Refused' }
    : undefined;

export function handleEdgeControl(
  edge: VideoEdge,
  method: string,
  pathname: string,
  body: Record<string, unknown>,
  res: http.ServerResponse,
): boolean {
  if (!pathname.startsWith(CONTROL_PATH)) return false;
  const json = (status: number, answer: unknown) =>
    res
      .writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      .end(JSON.stringify(answer));
  const text = (key: string) => {
    const value = body[key];
    return typeof value === 'string' ? value : '';
  };
  switch (`${method} ${pathname.slice(CONTROL_PATH.length)}`) {
    case 'GET participants':
      return (json(200, edge.list()), true);
    case 'POST drop':
      return (json(edge.dropSocket(text('participant')) ? 200 : 404, {}), true);
    case 'POST refuse-reconnect':
      edge.refuseReconnection(text('participant'), errorOf(body));
      return (json(200, {}), true);
    case 'POST refuse-publish':
      edge.refusePublish(text('identity'), errorOf(body));
      return (json(200, {}), true);
    case 'POST allow-publish':
      edge.allowPublish(text('identity'));
      return (json(200, {}), true);
    case 'POST signalling-only': {
      const participant = edge.addSignallingOnly(text('room'), text('identity'));
      return (json(participant ? 201 : 404, participant ? { sid: participant.sid } : {}), true);
    }
    case 'POST network-quality': {
      const level = typeof body.level === 'number' ? body.level : NaN;
      const set = text('participant') !== '' && edge.setNetworkQuality(text('participant'), level);
      return (json(set ? 200 : 400, set ? {} : { error: 'participant and a level from 0 to 5' }), true);
    }
    case 'POST dominant-speaker': {
      const speaker = body.participant === null ? null : text('participant');
      return (json(edge.setDominantSpeaker(text('room'), speaker) ? 200 : 404, {}), true);
    }
    case 'POST say': {
      if (!text('text').trim()) return (json(400, { error: 'nothing said' }), true);
      const outcome = edge.say(text('room'), text('participant'), text('text'), {
        partial: body.partial === true,
      });
      if (outcome === 'not-transcribed') {
        const error =
          'the room’s transcription is not started, and Twilio delivers nothing then: start it (the panel’s Start transcription, POST /video/transcription, or VIDEO_TRANSCRIPTION=always)';
        return (json(409, { error }), true);
      }
      return (json(outcome === 'said' ? 200 : 404, {}), true);
    }
    case 'GET media-signaling-peers':
      return (json(200, edge.mediaSignalingPeers()), true);
    default:
      return (json(404, { error: 'no such video edge control' }), true);
  }
}
