/** What each full-page message says: a link that does not work, or the end of the call. Pure,
 * so which screens offer a button is unit-tested. */
import type { JoinFailure } from '../shared/api';
import { fill, type Strings } from '../shared/strings';
import type { EndReason } from './call-state';
import type { Message, MessageAction } from './view/message';

/** `retry` is offered only where trying again can help; a link that was replaced, expired or
 * ended never works again, so those point back to the chat instead. */
export function failureMessage(text: Strings, failure: JoinFailure, retry: MessageAction): Message {
  switch (failure.kind) {
    case 'invalid':
      return {
        state: 'invite-invalid',
        icon: 'link',
        title: text.inviteInvalidTitle,
        paragraphs: [text.inviteInvalidBody, text.askForNewLink],
      };
    case 'expired':
      return {
        state: 'invite-expired',
        icon: 'clock',
        title: text.inviteExpiredTitle,
        paragraphs: [text.inviteExpiredBody, text.askForNewLink],
      };
    case 'revoked':
      return {
        state: 'invite-revoked',
        icon: 'link',
        title: text.inviteRevokedTitle,
        paragraphs: [text.inviteRevokedBody, text.useNewestLink],
      };
    case 'ended':
      return {
        state: 'session-ended',
        icon: 'end',
        title: text.sessionEndedTitle,
        paragraphs: [text.sessionEndedBody, text.askForNewLink],
      };
    case 'busy':
      return {
        state: 'busy',
        icon: 'alert',
        title: text.serviceBusyTitle,
        paragraphs: [fill(text.serviceBusyBody, { seconds: failure.retryAfterSeconds })],
        action: retry,
      };
    case 'offline':
      return {
        state: 'offline',
        icon: 'alert',
        title: text.serviceErrorTitle,
        paragraphs: [text.offlineBody],
        action: retry,
      };
    case 'failed':
      return {
        state: 'error',
        icon: 'alert',
        title: text.serviceErrorTitle,
        paragraphs: [text.serviceErrorBody],
        action: retry,
      };
  }
}

export function endMessage(
  text: Strings,
  reason: Exclude<EndReason, 'unexplained'>,
  rejoin: MessageAction,
): Message {
  switch (reason) {
    case 'removed':
      return {
        state: 'removed',
        icon: 'end',
        title: text.removedTitle,
        paragraphs: [text.removedBody, text.useNewestLink],
      };
    case 'agent-ended':
      return {
        state: 'ended',
        icon: 'end',
        title: text.endedByAgentTitle,
        paragraphs: [text.endedByAgentBody, text.closeHint],
      };
    case 'left':
      return {
        state: 'left',
        icon: 'end',
        title: text.leftTitle,
        paragraphs: [text.leftBody],
        action: rejoin,
      };
    case 'connection-lost':
      return {
        state: 'connection-lost',
        icon: 'alert',
        title: text.connectionLostTitle,
        paragraphs: [text.connectionLostBody],
        action: rejoin,
      };
    case 'replaced':
      return {
        state: 'replaced',
        icon: 'alert',
        title: text.replacedTitle,
        paragraphs: [text.replacedBody, text.closeHint],
      };
  }
}
