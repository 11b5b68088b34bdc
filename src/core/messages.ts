import type { Twilio } from 'twilio';
import type { MessageInstance } from 'twilio/lib/rest/conversations/v1/conversation/message';
import { AppError, isAppError } from './errors';
import { twilioFailure } from './twilio-errors';

/** What the bundle writes into a conversation; each message says which it is in its Attributes. */
export type NoticeKind =
  | 'invite'
  | 'recording-started'
  | 'recording-stopped'
  | 'session-ended'
  | 'supervisor-joined'
  | 'participant-removed'
  | 'transcription-started'
  | 'transcription-stopped'
  | 'transcript'
  | 'snapshot-taken';

export interface PostedMessage {
  sid: string;
}

/** The author of every notice. With no participant behind them, only a holder of the account's
 * credentials can post messages like these: a chat participant's messages always carry their
 * participant SID, whatever author or attributes they claim. */
export const NOTICE_AUTHOR = 'system';
/** Pages read when looking back for a message: the bundle's messages are recent, and each
 * page is one more request on a reuse path. */
const PAGE_SIZE = 50;
const MAX_PAGES = 4;

/** `participantSid`: the participant a notice is about, for a kind said once per participant. */
export function noticeAttributes(roomSid: string, kind: NoticeKind, participantSid?: string): string {
  return JSON.stringify({ videoEscalation: { roomSid, kind, ...(participantSid && { participantSid }) } });
}

/** One of the bundle's own notices: posted through the REST API (no participant) as
 * NOTICE_AUTHOR, with the room and kind in its attributes. A customer who copies the attributes
 * into a chat message of their own changes nothing. */
function isNotice(
  message: MessageInstance,
  roomSid: string,
  kind: NoticeKind,
  participantSid?: string,
): boolean {
  if (message.author !== NOTICE_AUTHOR || message.participantSid) return false;
  try {
    const tag = (
      JSON.parse(message.attributes ?? '{}') as {
        videoEscalation?: { roomSid?: unknown; kind?: unknown; participantSid?: unknown };
      }
    ).videoEscalation;
    return tag?.roomSid === roomSid && tag?.kind === kind && tag?.participantSid === participantSid;
  } catch {
    return false;
  }
}

const conversationGone = () => new AppError('no_conversation', "The task's conversation no longer exists.");

/** A conversation that no longer exists cannot be told anything: the caller decides whether that
 * matters (escalate: yes, the invite is the point; ending a session: no). */
export const isConversationGone = (err: unknown): boolean =>
  isAppError(err) && err.code === 'no_conversation';

export async function postNotice(
  client: Twilio,
  conversationSid: string,
  roomSid: string,
  kind: NoticeKind,
  body: string,
  participantSid?: string,
  /** A Media Content Service file the message carries (a snapshot). */
  mediaSid?: string,
): Promise<PostedMessage> {
  try {
    const message = await client.conversations.v1.conversations(conversationSid).messages.create({
      author: NOTICE_AUTHOR,
      body,
      attributes: noticeAttributes(roomSid, kind, participantSid),
      ...(mediaSid && { mediaSid }),
    });
    return { sid: message.sid };
  } catch (err) {
    throw twilioFailure(err)?.status === 404 ? conversationGone() : err;
  }
}

/** The part of twilio's message page that findNotice walks. */
interface MessagePage {
  instances: MessageInstance[];
  nextPage(): Promise<MessagePage> | undefined;
}

/**
 * The newest message of `kind` about the room, looking back no further than `since` (a room's
 * messages cannot predate the room). Newest first, a few pages at most.
 */
export async function findNotice(
  client: Twilio,
  conversationSid: string,
  roomSid: string,
  kind: NoticeKind,
  since: Date,
  participantSid?: string,
): Promise<PostedMessage | undefined> {
  let page: MessagePage;
  try {
    page = await client.conversations.v1
      .conversations(conversationSid)
      .messages.page({ order: 'desc', pageSize: PAGE_SIZE });
  } catch (err) {
    throw twilioFailure(err)?.status === 404 ? conversationGone() : err;
  }
  for (let read = 1; ; read++) {
    for (const message of page.instances) {
      if (isNotice(message, roomSid, kind, participantSid)) return { sid: message.sid };
      if (message.dateCreated && message.dateCreated.getTime() < since.getTime() - 1_000) return undefined;
    }
    const next = read < MAX_PAGES ? page.nextPage() : undefined;
    if (!next) return undefined;
    page = await next;
  }
}
