import twilio from 'twilio';
import { ACCOUNT_SID, AUTH_TOKEN } from '../../dev/emulator';
import type { HttpAnswer, Stack } from './stack';

/** Twilio's callbacks as Twilio sends them: form-encoded, signed with the account's auth token
 * over the URL it was given and the sorted parameters. */

export type CallbackPath = '/video/callbacks/room-status' | '/video/callbacks/composition-status';

export const signatureOf = (
  url: string,
  params: Record<string, string | string[]>,
  authToken = AUTH_TOKEN,
): string => twilio.getExpectedTwilioSignature(authToken, url, params);

function formOf(params: Record<string, string | string[]>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  }
  return form.toString();
}

export interface CallbackOptions {
  /** Sent as X-Twilio-Signature instead of the right one; null sends none. */
  signature?: string | null;
}

/** Posts a callback signed for the URL the bundle registered (or with the given signature). */
export function postCallback<P extends CallbackPath>(
  stack: Stack,
  path: P,
  params: Record<string, string | string[]>,
  options: CallbackOptions = {},
): Promise<HttpAnswer<P>> {
  const signature =
    options.signature === undefined ? signatureOf(`${stack.baseUrl}${path}`, params) : options.signature;
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (signature !== null) headers['X-Twilio-Signature'] = signature;
  return stack.post(path, formOf(params), { headers });
}

/** A room status callback's usual parameters. */
export function roomEvent(
  room: { sid: string; unique_name: string; status: string },
  event: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    AccountSid: ACCOUNT_SID,
    RoomSid: room.sid,
    RoomName: room.unique_name,
    RoomStatus: room.status,
    RoomType: 'group',
    StatusCallbackEvent: event,
    Timestamp: new Date().toISOString(),
    SequenceNumber: '1',
    ...extra,
  };
}

/** Twilio telling the bundle that `participant` connected to `room`, signed. */
export function participantConnected(
  stack: Stack,
  room: { sid: string; unique_name: string; status: string },
  participant: { sid: string; identity: string },
): Promise<HttpAnswer<'/video/callbacks/room-status'>> {
  return postCallback(
    stack,
    '/video/callbacks/room-status',
    roomEvent(room, 'participant-connected', {
      ParticipantSid: participant.sid,
      ParticipantIdentity: participant.identity,
      ParticipantStatus: 'connected',
    }),
  );
}
