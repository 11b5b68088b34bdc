import { LIMITS } from '../contract';
import type { NoticeKind } from './messages';

/**
 * Every sentence the bundle writes into a customer's conversation, in one place. To reword or
 * translate, set the matching environment variable (see the README); `{joinUrl}` in the invite
 * text is replaced by the link. Kept short: SMS splits long bodies and WhatsApp shows a preview.
 */
export const DEFAULT_NOTICES: Record<NoticeKind, string> = {
  invite: 'Your agent has invited you to a video call. Tap to join: {joinUrl}',
  'recording-started': 'This video call is now being recorded.',
  'recording-stopped': 'Recording of this video call has stopped.',
  'session-ended': 'The video call has ended. You can keep chatting here.',
};

/** Environment variable that overrides each notice's text. */
export const NOTICE_ENV: Record<NoticeKind, string> = {
  invite: 'VIDEO_NOTICE_INVITE',
  'recording-started': 'VIDEO_NOTICE_RECORDING_STARTED',
  'recording-stopped': 'VIDEO_NOTICE_RECORDING_STOPPED',
  'session-ended': 'VIDEO_NOTICE_SESSION_ENDED',
};

/** Added to the invite when every call is recorded (VIDEO_RECORDING=always), so the customer
 * knows before joining, not only once Twilio reports the first recorded track. */
export const DEFAULT_RECORDED_CALL_NOTE = 'This call will be recorded.';
export const RECORDED_CALL_NOTE_ENV = 'VIDEO_NOTICE_RECORDED_CALL';

export type NoticeTexts = Record<NoticeKind, string> & { recordedCallNote: string };

const overridden = (env: Readonly<Record<string, unknown>>, name: string, fallback: string): string => {
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
};

export function noticeTexts(env: Readonly<Record<string, unknown>>): NoticeTexts {
  const texts = {
    ...DEFAULT_NOTICES,
    recordedCallNote: overridden(env, RECORDED_CALL_NOTE_ENV, DEFAULT_RECORDED_CALL_NOTE),
  };
  for (const kind of Object.keys(DEFAULT_NOTICES) as NoticeKind[])
    texts[kind] = overridden(env, NOTICE_ENV[kind], DEFAULT_NOTICES[kind]);
  return texts;
}

export function inviteText(texts: NoticeTexts, joinUrl: string, recorded: boolean): string {
  const template = texts.invite.includes('{joinUrl}') ? texts.invite : `${texts.invite} {joinUrl}`;
  const text = template.split('{joinUrl}').join(joinUrl);
  return recorded ? `${text}\n${texts.recordedCallNote}` : text;
}

/**
 * The environment variable of the first text that cannot be posted whole: Twilio refuses bodies
 * over its limit, and cutting one could cut the link out of the invite: texts are never cut. `longestJoinUrl` is as
 * long as any link the service can hand out. Checked with the configuration, so a text that is
 * too long is a 500 naming it on every call, never a customer left without a working link.
 */
export function oversizedNotice(
  texts: NoticeTexts,
  longestJoinUrl: string,
  recorded: boolean,
): string | undefined {
  if (inviteText(texts, longestJoinUrl, recorded).length > LIMITS.messageBodyLength) {
    const noteIsTheCulprit =
      recorded && inviteText(texts, longestJoinUrl, false).length <= LIMITS.messageBodyLength;
    return noteIsTheCulprit ? RECORDED_CALL_NOTE_ENV : NOTICE_ENV.invite;
  }
  const kinds = (Object.keys(DEFAULT_NOTICES) as NoticeKind[]).filter((kind) => kind !== 'invite');
  const tooLong = kinds.find((kind) => texts[kind].length > LIMITS.messageBodyLength);
  return tooLong && NOTICE_ENV[tooLong];
}
