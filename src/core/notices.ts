import { LIMITS } from '../contract';
import type { NoticeKind } from './messages';
import { requireConversation, type FlexTask } from './tasks';

/** Every kind of message but the transcript itself, whose text is what was said. */
export type NoticeTexts = Record<Exclude<NoticeKind, 'transcript'>, string> & {
  recordedCallNote: string;
  transcribedCallNote: string;
  photographedCallNote: string;
};

/**
 * Every sentence the bundle writes into a customer's conversation, in one place, per language.
 * `{joinUrl}` in the invite text is replaced by the link. Kept short: SMS splits long bodies and
 * WhatsApp shows a preview. A company rewords or adds a language through the environment (see
 * noticeSettings and the README); a language without a built-in set starts from English.
 */
export const BUILT_IN_NOTICES: Readonly<Record<string, NoticeTexts>> = {
  en: {
    invite: 'Your agent has invited you to a video call. Tap to join: {joinUrl}',
    'recording-started': 'This video call is now being recorded.',
    'recording-stopped': 'Recording of this video call has stopped.',
    'session-ended': 'The video call has ended. You can keep chatting here.',
    'supervisor-joined': 'A supervisor has joined the video call.',
    'participant-removed': 'You were removed from the video call. You can keep chatting here.',
    'transcription-started': 'This video call is now being transcribed.',
    'transcription-stopped': 'Transcription of this video call has stopped.',
    recordedCallNote: 'This call will be recorded.',
    transcribedCallNote: 'This call will be transcribed.',
    'snapshot-taken': 'The agent took a picture during the video call.',
    photographedCallNote: 'The agent may take pictures during this call.',
  },
  es: {
    invite: 'Tu agente te ha invitado a una videollamada. Toca para unirte: {joinUrl}',
    'recording-started': 'Esta videollamada se está grabando.',
    'recording-stopped': 'La grabación de esta videollamada se ha detenido.',
    'session-ended': 'La videollamada ha terminado. Puedes seguir escribiendo aquí.',
    'supervisor-joined': 'Un supervisor se ha unido a la videollamada.',
    'participant-removed': 'Se te ha retirado de la videollamada. Puedes seguir escribiendo aquí.',
    'transcription-started': 'Esta videollamada se está transcribiendo.',
    'transcription-stopped': 'La transcripción de esta videollamada se ha detenido.',
    recordedCallNote: 'Esta llamada se grabará.',
    transcribedCallNote: 'Esta llamada se transcribirá.',
    'snapshot-taken': 'El agente tomó una foto durante la videollamada.',
    photographedCallNote: 'El agente puede tomar fotos durante esta llamada.',
  },
  fr: {
    invite: 'Votre agent vous invite à un appel vidéo. Touchez pour rejoindre : {joinUrl}',
    'recording-started': 'Cet appel vidéo est maintenant enregistré.',
    'recording-stopped': 'L’enregistrement de cet appel vidéo est arrêté.',
    'session-ended': 'L’appel vidéo est terminé. Vous pouvez continuer à discuter ici.',
    'supervisor-joined': 'Un superviseur a rejoint l’appel vidéo.',
    'participant-removed': 'Vous avez été retiré de l’appel vidéo. Vous pouvez continuer à discuter ici.',
    'transcription-started': 'Cet appel vidéo est maintenant transcrit.',
    'transcription-stopped': 'La transcription de cet appel vidéo est arrêtée.',
    recordedCallNote: 'Cet appel sera enregistré.',
    transcribedCallNote: 'Cet appel sera transcrit.',
    'snapshot-taken': 'L’agent a pris une photo pendant l’appel vidéo.',
    photographedCallNote: 'L’agent peut prendre des photos pendant cet appel.',
  },
  de: {
    invite: 'Ihr Mitarbeiter hat Sie zu einem Videoanruf eingeladen. Zum Beitreten tippen: {joinUrl}',
    'recording-started': 'Dieser Videoanruf wird jetzt aufgezeichnet.',
    'recording-stopped': 'Die Aufzeichnung dieses Videoanrufs wurde beendet.',
    'session-ended': 'Der Videoanruf ist beendet. Sie können hier weiterschreiben.',
    'supervisor-joined': 'Eine Teamleitung ist dem Videoanruf beigetreten.',
    'participant-removed': 'Sie wurden aus dem Videoanruf entfernt. Sie können hier weiterschreiben.',
    'transcription-started': 'Dieser Videoanruf wird jetzt transkribiert.',
    'transcription-stopped': 'Die Transkription dieses Videoanrufs wurde beendet.',
    recordedCallNote: 'Dieser Anruf wird aufgezeichnet.',
    transcribedCallNote: 'Dieser Anruf wird transkribiert.',
    'snapshot-taken': 'Der Mitarbeiter hat während des Videoanrufs ein Foto aufgenommen.',
    photographedCallNote: 'Der Mitarbeiter kann während dieses Anrufs Fotos aufnehmen.',
  },
  pt: {
    invite: 'Seu atendente convidou você para uma videochamada. Toque para entrar: {joinUrl}',
    'recording-started': 'Esta videochamada está sendo gravada.',
    'recording-stopped': 'A gravação desta videochamada foi interrompida.',
    'session-ended': 'A videochamada terminou. Você pode continuar conversando aqui.',
    'supervisor-joined': 'Um supervisor entrou na videochamada.',
    'participant-removed': 'Você foi removido da videochamada. Você pode continuar conversando aqui.',
    'transcription-started': 'Esta videochamada está sendo transcrita.',
    'transcription-stopped': 'A transcrição desta videochamada foi interrompida.',
    recordedCallNote: 'Esta chamada será gravada.',
    transcribedCallNote: 'Esta chamada será transcrita.',
    'snapshot-taken': 'O atendente tirou uma foto durante a videochamada.',
    photographedCallNote: 'O atendente pode tirar fotos durante esta chamada.',
  },
};
export const DEFAULT_NOTICES = BUILT_IN_NOTICES.en;

/** Environment variable that overrides each text; `<name>_<LANG>` (e.g. VIDEO_NOTICE_INVITE_ES)
 * overrides it in one language, the bare name in the default language. */
export const NOTICE_ENV: Record<keyof NoticeTexts, string> = {
  invite: 'VIDEO_NOTICE_INVITE',
  'recording-started': 'VIDEO_NOTICE_RECORDING_STARTED',
  'recording-stopped': 'VIDEO_NOTICE_RECORDING_STOPPED',
  'session-ended': 'VIDEO_NOTICE_SESSION_ENDED',
  'supervisor-joined': 'VIDEO_NOTICE_SUPERVISOR_JOINED',
  'participant-removed': 'VIDEO_NOTICE_PARTICIPANT_REMOVED',
  'transcription-started': 'VIDEO_NOTICE_TRANSCRIPTION_STARTED',
  'transcription-stopped': 'VIDEO_NOTICE_TRANSCRIPTION_STOPPED',
  recordedCallNote: 'VIDEO_NOTICE_RECORDED_CALL',
  transcribedCallNote: 'VIDEO_NOTICE_TRANSCRIBED_CALL',
  'snapshot-taken': 'VIDEO_NOTICE_SNAPSHOT_TAKEN',
  photographedCallNote: 'VIDEO_NOTICE_PHOTOGRAPHED_CALL',
};
export const RECORDED_CALL_NOTE_ENV = NOTICE_ENV.recordedCallNote;
/** The task attribute naming the customer's language (e.g. `language`), and the language used
 * when a task has none or one without texts. */
export const LANGUAGE_ATTRIBUTE_ENV = 'VIDEO_LANGUAGE_ATTRIBUTE';
export const DEFAULT_LANGUAGE_ENV = 'VIDEO_DEFAULT_LANGUAGE';

/** A task's chat and the texts its customer reads. */
export interface CustomerChat {
  conversationSid: string;
  notices: NoticeTexts;
}

/** Every language's texts, and how a task's language is found. */
export interface NoticeSettings {
  defaultLanguage: string;
  languageAttribute?: string;
  byLanguage: Readonly<Record<string, NoticeTexts>>;
}

const TEXT_KEYS = Object.keys(NOTICE_ENV) as (keyof NoticeTexts)[];

/** `es-MX`, `ES` and `es_mx` all name Spanish: notices are per language, not per region. */
export const languageOf = (tag: unknown): string | undefined =>
  typeof tag === 'string' && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(tag.trim())
    ? tag
        .trim()
        .slice(0, tag.trim().search(/[-_]|$/))
        .toLowerCase()
    : undefined;

const overridden = (env: Readonly<Record<string, unknown>>, name: string): string | undefined => {
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

export function noticeSettings(env: Readonly<Record<string, unknown>>): NoticeSettings {
  const defaultLanguage = languageOf(overridden(env, DEFAULT_LANGUAGE_ENV) ?? 'en') ?? 'en';
  // The built-in languages, the default one, and any language the environment gives a text in.
  const suffixed = Object.keys(env).flatMap((name) => {
    const base = TEXT_KEYS.map((key) => NOTICE_ENV[key]).find((prefix) => name.startsWith(`${prefix}_`));
    const lang = base && name.slice(base.length + 1);
    return lang && /^[A-Z]{2,3}$/.test(lang) ? [lang.toLowerCase()] : [];
  });
  const languages = new Set([...Object.keys(BUILT_IN_NOTICES), defaultLanguage, ...suffixed]);
  const byLanguage: Record<string, NoticeTexts> = {};
  for (const lang of languages) {
    const base = BUILT_IN_NOTICES[lang] ?? DEFAULT_NOTICES;
    const texts = { ...base };
    for (const key of TEXT_KEYS)
      texts[key] =
        overridden(env, `${NOTICE_ENV[key]}_${lang.toUpperCase()}`) ??
        (lang === defaultLanguage ? overridden(env, NOTICE_ENV[key]) : undefined) ??
        base[key];
    byLanguage[lang] = texts;
  }
  return { defaultLanguage, languageAttribute: overridden(env, LANGUAGE_ATTRIBUTE_ENV), byLanguage };
}

/** The task's chat, in its customer's language; undefined for a task without a conversation. */
export function customerChatOf(settings: NoticeSettings, task: FlexTask): CustomerChat | undefined {
  return task.conversationSid
    ? { conversationSid: task.conversationSid, notices: noticesFor(settings, task.attributes) }
    : undefined;
}

/** The task's chat, for an action that means nothing without one (`409 no_conversation`). */
export function requireCustomerChat(settings: NoticeSettings, task: FlexTask): CustomerChat {
  return { conversationSid: requireConversation(task), notices: noticesFor(settings, task.attributes) };
}

/** The texts in the task's language (its attribute named by VIDEO_LANGUAGE_ATTRIBUTE), else in
 * the default language. */
export function noticesFor(
  settings: NoticeSettings,
  taskAttributes?: Readonly<Record<string, unknown>>,
): NoticeTexts {
  const asked = settings.languageAttribute
    ? languageOf(taskAttributes?.[settings.languageAttribute])
    : undefined;
  return (asked && settings.byLanguage[asked]) || settings.byLanguage[settings.defaultLanguage];
}

/** The invite, with the notes of what the company does with every call (`always` policies, and
 * pictures taken without asking under VIDEO_SNAPSHOTS `on`). */
export function inviteText(
  texts: NoticeTexts,
  joinUrl: string,
  recorded: boolean,
  transcribed = false,
  photographed = false,
): string {
  const template = texts.invite.includes('{joinUrl}') ? texts.invite : `${texts.invite} {joinUrl}`;
  const text = template.split('{joinUrl}').join(joinUrl);
  return [
    text,
    ...(recorded ? [texts.recordedCallNote] : []),
    ...(transcribed ? [texts.transcribedCallNote] : []),
    ...(photographed ? [texts.photographedCallNote] : []),
  ].join('\n');
}

/**
 * The environment variable of the first text, in any language, that cannot be posted whole:
 * Twilio refuses bodies over its limit, and cutting one could cut the link out of the invite:
 * texts are never cut. `longestJoinUrl` is as long as any link the service can hand out.
 * Checked with the configuration, so a text that is too long is a 500 naming it on every call,
 * never a customer left without a working link.
 */
export function oversizedNotice(
  settings: NoticeSettings,
  longestJoinUrl: string,
  recorded: boolean,
  transcribed = false,
  photographed = false,
): string | undefined {
  for (const [lang, texts] of Object.entries(settings.byLanguage)) {
    const name = (key: keyof NoticeTexts) =>
      lang === settings.defaultLanguage ? NOTICE_ENV[key] : `${NOTICE_ENV[key]}_${lang.toUpperCase()}`;
    const withNotes = inviteText(texts, longestJoinUrl, recorded, transcribed, photographed);
    if (
      withNotes.length > LIMITS.messageBodyLength &&
      inviteText(texts, longestJoinUrl, recorded, transcribed).length <= LIMITS.messageBodyLength
    )
      return name('photographedCallNote');
    if (inviteText(texts, longestJoinUrl, recorded, transcribed).length > LIMITS.messageBodyLength) {
      if (inviteText(texts, longestJoinUrl, false).length > LIMITS.messageBodyLength) return name('invite');
      const recordedFits = inviteText(texts, longestJoinUrl, recorded).length <= LIMITS.messageBodyLength;
      return name(recordedFits ? 'transcribedCallNote' : 'recordedCallNote');
    }
    const kinds = (Object.keys(texts) as (keyof NoticeTexts)[]).filter(
      (kind) => !['invite', 'recordedCallNote', 'transcribedCallNote', 'photographedCallNote'].includes(kind),
    );
    const tooLong = kinds.find((kind) => texts[kind].length > LIMITS.messageBodyLength);
    if (tooLong) return name(tooLong);
  }
  return undefined;
}
