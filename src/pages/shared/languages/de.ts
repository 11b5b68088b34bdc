import type { JoinCatalog } from '../strings';

/** German. */
const de: JoinCatalog = {
  pageTitle: 'Videoanruf',
  checkingInvite: 'Ihre Einladung wird geprüft…',

  inviteMissingTitle: 'Dieser Link ist unvollständig',
  inviteMissingBody:
    'Der Link zum Videoanruf scheint abgeschnitten zu sein. Kehren Sie zum Chat zurück und tippen Sie auf den ganzen Link, oder bitten Sie den Mitarbeiter um einen neuen.',
  inviteInvalidTitle: 'Dieser Link funktioniert nicht',
  inviteInvalidBody:
    'Wir konnten diesen Link zum Videoanruf nicht erkennen. Er wurde vielleicht unvollständig kopiert oder verändert.',
  inviteExpiredTitle: 'Dieser Link ist abgelaufen',
  inviteExpiredBody: 'Links zu Videoanrufen gelten nur kurze Zeit, damit Ihr Gespräch privat bleibt.',
  inviteRevokedTitle: 'Ein neuerer Link wurde gesendet',
  inviteRevokedBody:
    'Der Mitarbeiter hat Ihnen im Chat einen neueren Link gesendet, daher funktioniert dieser nicht mehr.',
  useNewestLink: 'Kehren Sie zum Chat zurück und öffnen Sie den neuesten Link, um am Anruf teilzunehmen.',
  sessionEndedTitle: 'Dieser Videoanruf ist beendet',
  sessionEndedBody:
    'Der Mitarbeiter hat diesen Videoanruf bereits beendet, daher funktioniert der Link nicht mehr.',
  askForNewLink:
    'Wenn Sie noch Hilfe brauchen, kehren Sie zum Chat zurück und bitten Sie den Mitarbeiter um einen neuen Link.',
  serviceBusyTitle: 'Wir konnten Sie noch nicht verbinden',
  serviceBusyBody:
    'Der Videodienst ist gerade ausgelastet. Bitte versuchen Sie es in {seconds} Sekunden erneut.',
  serviceErrorTitle: 'Etwas ist schiefgelaufen',
  serviceErrorBody: 'Wir konnten den Videoanruf nicht starten. Bitte versuchen Sie es gleich noch einmal.',
  offlineBody:
    'Wir konnten den Videodienst nicht erreichen. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  tryAgain: 'Erneut versuchen',

  unsupportedTitle: 'Dieser Browser unterstützt keine Videoanrufe',
  unsupportedBody: 'Öffnen Sie den Link aus dem Chat in einem aktuellen Chrome, Safari, Edge oder Firefox.',
  unsupportedInApp:
    'Wenn sich der Link in einer anderen App geöffnet hat, öffnen Sie ihn über deren Menü in Ihrem Browser.',
  insecureBody:
    'Videoanrufe funktionieren nur über eine sichere Verbindung (https). Öffnen Sie den Link genau so, wie der Mitarbeiter ihn gesendet hat.',

  previewTitle: 'Bereit zum Beitreten?',
  previewIntro:
    'Der Mitarbeiter aus Ihrem Chat hat Sie zu einem Videoanruf eingeladen. Prüfen Sie zuerst Kamera und Mikrofon.',
  startMedia: 'Kamera und Mikrofon einschalten',
  startingMedia: 'Kamera und Mikrofon werden gestartet…',
  previewPlaceholder: 'Hier erscheint die Vorschau Ihrer Kamera',
  cameraOffPreview: 'Ihre Kamera ist aus',
  noCameraPreview: 'Keine Kamera',
  camera: 'Kamera',
  microphone: 'Mikrofon',
  speaker: 'Lautsprecher',
  deviceFallback: '{kind} {number}',
  join: 'Anruf beitreten',
  joinAudioOnly: 'Nur mit Ton beitreten',
  joinVideoOnly: 'Nur mit Bild beitreten',
  joinWithoutMedia: 'Ohne Kamera und Mikrofon beitreten',
  joining: 'Verbindung wird hergestellt…',
  joinFailed:
    'Wir konnten den Anruf nicht verbinden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',

  muteMic: 'Mikrofon stummschalten',
  unmuteMic: 'Stummschaltung aufheben',
  cameraOff: 'Kamera ausschalten',
  cameraOn: 'Kamera einschalten',
  leave: 'Anruf verlassen',
  blurBackground: 'Meinen Hintergrund weichzeichnen',
  blurHint: 'Nur Sie bleiben scharf. Der Start kann einige Sekunden dauern.',
  blurStarting: 'Ihr Hintergrund wird weichgezeichnet…',
  blurOn: 'Ihr Hintergrund ist weichgezeichnet.',
  blurOff: 'Ihr Hintergrund ist nicht mehr weichgezeichnet.',
  blurFailedShort: 'Weichzeichnen nicht möglich, daher ist Ihre Kamera aus',
  blurFailed:
    'Ihr Hintergrund konnte in diesem Browser nicht weichgezeichnet werden, daher bleibt Ihre Kamera aus. Wählen Sie „Erneut versuchen“ oder schalten Sie „Meinen Hintergrund weichzeichnen“ aus und dann die Kamera ohne Weichzeichnen ein.',

  deniedBoth: 'Ihr Browser hat Kamera und Mikrofon blockiert.',
  deniedCamera: 'Ihr Browser hat die Kamera blockiert.',
  deniedMicrophone: 'Ihr Browser hat das Mikrofon blockiert.',
  notFoundCamera: 'Wir haben keine Kamera gefunden. Sie können trotzdem mit Ton beitreten.',
  notFoundMicrophone: 'Wir haben kein Mikrofon gefunden. Sie können trotzdem mit Bild beitreten.',
  inUseCamera:
    'Ihre Kamera wird von einer anderen App verwendet. Schließen Sie diese und versuchen Sie es erneut.',
  inUseMicrophone:
    'Ihr Mikrofon wird von einer anderen App verwendet. Schließen Sie diese und versuchen Sie es erneut.',
  mediaFailed: 'Wir konnten Ihre Kamera oder Ihr Mikrofon nicht starten.',
  permissionHelpChrome:
    'Wählen Sie das Kamerasymbol rechts in der Adressleiste, dann „Immer zulassen“ und anschließend „Erneut versuchen“.',
  permissionHelpEdge:
    'Wählen Sie das Schloss links in der Adressleiste, stellen Sie Kamera und Mikrofon auf „Zulassen“ und wählen Sie dann „Erneut versuchen“.',
  permissionHelpFirefox:
    'Wählen Sie das durchgestrichene Kamerasymbol in der Adressleiste, heben Sie die Sperre auf und wählen Sie dann „Erneut versuchen“.',
  permissionHelpSafari:
    'Wählen Sie im Safari-Menü „Einstellungen für diese Website“, stellen Sie Kamera und Mikrofon auf „Erlauben“ und wählen Sie dann „Erneut versuchen“.',
  permissionHelpIos:
    'Tippen Sie in der Adressleiste auf „aA“, wählen Sie „Website-Einstellungen“, stellen Sie Kamera und Mikrofon auf „Erlauben“ und tippen Sie auf „Erneut versuchen“.',
  permissionHelpAndroid:
    'Tippen Sie auf das Symbol links in der Adressleiste, wählen Sie „Berechtigungen“, erlauben Sie Kamera und Mikrofon und tippen Sie auf „Erneut versuchen“.',
  permissionHelpOther:
    'Erlauben Sie Kamera und Mikrofon für diese Website in den Einstellungen Ihres Browsers und wählen Sie dann „Erneut versuchen“.',

  waitingForAgent: 'Warten auf den Mitarbeiter…',
  agentLeft: 'Der Mitarbeiter hat den Anruf verlassen. Warten auf seine Rückkehr…',
  agentJoined: 'Der Mitarbeiter ist dem Anruf beigetreten.',
  agentVideo: 'Video des Mitarbeiters',
  yourVideo: 'Ihr Video',
  recording: 'Aufnahme',
  recordingStarted: 'Dieser Anruf wird jetzt aufgezeichnet.',
  recordingStopped: 'Die Aufzeichnung wurde beendet.',
  transcribing: 'Transkription',
  transcriptionStarted: 'Dieser Anruf wird jetzt transkribiert.',
  transcriptionStopped: 'Die Transkription wurde beendet.',
  transcribedCall:
    'Dieser Anruf wird transkribiert: Was Sie und der Agent sagen, wird als Text festgehalten.',
  captions: 'Untertitel',
  captionsRegion: 'Untertitel zu den Worten des Agenten',
  reconnecting: 'Verbindung unterbrochen. Neuer Verbindungsversuch…',
  reconnected: 'Wieder verbunden.',
  networkQuality: 'Netzqualität: {level} von 5',
  networkWeak: 'Ihre Verbindung ist schwach. Das Bild kann stocken.',

  endedByAgentTitle: 'Der Anruf ist beendet',
  endedByAgentBody: 'Der Mitarbeiter hat den Videoanruf beendet. Sie können im Chat weiterschreiben.',
  leftTitle: 'Sie haben den Anruf verlassen',
  leftBody: 'Sie können wieder beitreten, solange der Mitarbeiter noch im Anruf ist.',
  connectionLostTitle: 'Der Anruf wurde unterbrochen',
  connectionLostBody:
    'Die Verbindung zum Anruf ist abgebrochen. Prüfen Sie Ihre Internetverbindung und treten Sie erneut bei.',
  replacedTitle: 'Sie sind von woanders beigetreten',
  replacedBody:
    'Dieser Anruf ist in einem anderen Tab oder auf einem anderen Gerät geöffnet, daher wurde er hier geschlossen.',
  rejoin: 'Erneut beitreten',
  closeHint: 'Sie können diese Seite schließen.',
  inCall: 'In diesem Anruf ({count}):',
  you: 'Sie',
  roleAgent: 'Mitarbeiter',
  roleSupervisor: 'Teamleitung',
  roleOther: 'Weitere Person',
  joined: '{role} ist dem Anruf beigetreten.',
  left: '{role} hat den Anruf verlassen.',
  removedTitle: 'Sie wurden aus dem Anruf entfernt',
  removedBody: 'Der Mitarbeiter hat Sie aus dem Videoanruf entfernt oder Ihnen einen neueren Link gesendet.',
  agentMicOff: 'Das Mikrofon des Mitarbeiters ist aus',
  agentCameraOff: 'Die Kamera des Mitarbeiters ist aus',
  agentMicOn: 'Das Mikrofon des Mitarbeiters ist an.',
  agentCameraOn: 'Die Kamera des Mitarbeiters ist an.',
  callTime: 'Gesprächsdauer',
  moveSelfView: 'Ihr Video verschieben',
  rejoining: 'Sie werden wieder verbunden…',
  snapshotAskTitle: 'Der Mitarbeiter möchte ein Foto aufnehmen',
  snapshotAskBody: 'Ein Standbild Ihrer Kamera wird diesem Chat hinzugefügt.',
  snapshotAllow: 'Erlauben',
  snapshotDecline: 'Ablehnen',
  snapshotTaken: 'Der Mitarbeiter hat ein Foto aufgenommen',
  switchCamera: 'Kamera wechseln',
  chooseCamera: 'Kamera wählen',
  torchOn: 'Taschenlampe an',
  torchOff: 'Taschenlampe aus',
  backCameraAsked: 'Der Agent bittet Sie, es mit der Rückkamera zu zeigen.',
  useBackCamera: 'Rückkamera verwenden',
  notNow: 'Jetzt nicht',
  audioOnly: 'Nur Audio',
  videoBackOn: 'Video an',
  audioOnlyOffer: 'Ihre Verbindung ist schwach. Zu „Nur Audio“ wechseln?',
  audioOnlyTaken: 'Ihre Verbindung ist zu schwach für Video, daher wird nur Ihre Stimme übertragen.',
  videoOffer: 'Ihre Verbindung ist wieder besser. Video wieder einschalten?',
  agentAudioOnly: 'Der Agent hat auf „Nur Audio“ umgestellt.',
  agentAudioOnlyNetwork:
    'Die Verbindung des Agenten ist zu schwach für Video: Sie hören ihn, ohne ihn zu sehen.',
  agentPointing: 'Der Agent zeigt auf etwas in Ihrem Video.',
};

export default de;
