import * as z from 'zod';
import { CALLBACK_PATHS } from '../../../contract';
import { noteCompositionEvent } from '../../../core/compositions';
import { defineTwilioCallback } from '../../../platform/signature';
import { callbackText, roomSid, sid } from '../../../platform/validate';

const compositionStatusParams = z.object({
  CompositionSid: sid('CJ', 'CompositionSid'),
  StatusCallbackEvent: callbackText('StatusCallbackEvent', 64).min(
    1,
    'StatusCallbackEvent must not be empty.',
  ),
  RoomSid: roomSid.optional(),
  FailedOperation: callbackText('FailedOperation', 256).optional(),
  ErrorMessage: callbackText('ErrorMessage', 512).optional(),
});

/** POST /video/callbacks/composition-status: Twilio's composition status callback, signed.
 * Twilio keeps the composition's status (read by /video/recordings); failures are logged. */
export const handler = defineTwilioCallback(
  CALLBACK_PATHS.compositionStatus,
  compositionStatusParams,
  (_invocation, params) => ({
    handled: noteCompositionEvent({
      compositionSid: params.CompositionSid,
      roomSid: params.RoomSid,
      event: params.StatusCallbackEvent,
      reason: [params.FailedOperation, params.ErrorMessage].filter(Boolean).join(': ') || undefined,
    }),
  }),
);
