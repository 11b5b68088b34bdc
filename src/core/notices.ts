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

export type NoticeTexts = Record<NoticeKind, string>;

export function noticeTexts(env: Readonly<Record<string, unknown>>): NoticeTexts {
  const texts = { ...DEFAULT_NOTICES };
  for (const kind of Object.keys(texts) as NoticeKind[]) {
    const override = env[NOTICE_ENV[kind]];
    if (typeof override === 'string' && override.trim() !== '') texts[kind] = override.trim();
  }
  return texts;
}

export function inviteText(texts: NoticeTexts, joinUrl: string): string {
  const template = texts.invite.includes('{joinUrl}') ? texts.invite : `${texts.invite} {joinUrl}`;
  return template.replace('{joinUrl}', joinUrl);
}
