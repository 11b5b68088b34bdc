import * as z from 'zod';
import { CALLBACK_PATHS } from '../../../contract';
import { handleRoomEvent } from '../../../core/room-events';
import { roomEventDeps } from '../../../platform/deps';
import { defineTwilioCallback } from '../../../platform/signature';
import { callbackText, roomSid } from '../../../platform/validate';

/** Only what the bundle acts on; Twilio sends more, and adds parameters over time. */
const roomStatusParams = z.object({
  RoomSid: roomSid,
  StatusCallbackEvent: callbackText('StatusCallbackEvent', 64).min(
    1,
    'StatusCallbackEvent must not be empty.',
  ),
  RecordingSid: callbackText('RecordingSid', 64).optional(),
  TrackName: callbackText('TrackName', 256).optional(),
  FailedOperation: callbackText('FailedOperation', 256).optional(),
  ErrorMessage: callbackText('ErrorMessage', 512).optional(),
  Timestamp: callbackText('Timestamp', 64).optional(),
  ParticipantSid: callbackText('ParticipantSid', 64).optional(),
  ParticipantIdentity: callbackText('ParticipantIdentity', 256).optional(),
  RoomName: callbackText('RoomName', 256).optional(),
});

/** POST /video/callbacks/room-status: Twilio's room status callback, signed. */
export const handler = defineTwilioCallback(
  CALLBACK_PATHS.roomStatus,
  roomStatusParams,
  async (invocation, params) => {
    const reason = [params.FailedOperation, params.ErrorMessage].filter(Boolean).join(': ');
    return handleRoomEvent(roomEventDeps(invocation), {
      roomSid: params.RoomSid,
      event: params.StatusCallbackEvent,
      recordingSid: params.RecordingSid,
      trackName: params.TrackName,
      reason: reason || undefined,
      timestamp: params.Timestamp,
      participantSid: params.ParticipantSid,
      participantIdentity: params.ParticipantIdentity,
      roomName: params.RoomName,
    });
  },
);
