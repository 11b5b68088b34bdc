import type { JoinCatalog } from '../strings';

/** French. */
const fr: JoinCatalog = {
  pageTitle: 'Appel vidéo',
  checkingInvite: 'Vérification de votre invitation…',

  inviteMissingTitle: 'Ce lien est incomplet',
  inviteMissingBody:
    'Le lien de l’appel vidéo semble tronqué. Revenez à la discussion et touchez le lien complet, ou demandez-en un nouveau à l’agent.',
  inviteInvalidTitle: 'Ce lien ne fonctionne pas',
  inviteInvalidBody:
    'Nous n’avons pas reconnu ce lien d’appel vidéo. Il a peut-être été copié partiellement ou modifié.',
  inviteExpiredTitle: 'Ce lien a expiré',
  inviteExpiredBody:
    'Les liens d’appel vidéo ne fonctionnent que peu de temps, pour protéger la confidentialité de votre appel.',
  inviteRevokedTitle: 'Un lien plus récent a été envoyé',
  inviteRevokedBody:
    'L’agent vous a envoyé un lien plus récent dans la discussion, celui-ci ne fonctionne donc plus.',
  useNewestLink: 'Revenez à la discussion et ouvrez le lien le plus récent pour rejoindre l’appel.',
  sessionEndedTitle: 'Cet appel vidéo est terminé',
  sessionEndedBody: 'L’agent a déjà fermé cet appel vidéo, le lien ne fonctionne donc plus.',
  askForNewLink:
    'Si vous avez encore besoin d’aide, revenez à la discussion et demandez un nouveau lien à l’agent.',
  serviceBusyTitle: 'Nous n’avons pas encore pu vous connecter',
  serviceBusyBody: 'Le service vidéo est saturé pour le moment. Réessayez dans {seconds} secondes.',
  serviceErrorTitle: 'Un problème est survenu',
  serviceErrorBody: 'Nous n’avons pas pu démarrer l’appel vidéo. Réessayez dans un instant.',
  offlineBody: 'Nous n’avons pas pu joindre le service vidéo. Vérifiez votre connexion et réessayez.',
  tryAgain: 'Réessayer',

  unsupportedTitle: 'Ce navigateur ne permet pas les appels vidéo',
  unsupportedBody:
    'Ouvrez le lien de la discussion dans une version récente de Chrome, Safari, Edge ou Firefox.',
  unsupportedInApp:
    'Si le lien s’est ouvert dans une autre application, utilisez son menu pour l’ouvrir dans votre navigateur.',
  insecureBody:
    'Les appels vidéo ne fonctionnent que sur une connexion sécurisée (https). Ouvrez le lien tel que l’agent l’a envoyé.',

  previewTitle: 'Prêt à rejoindre l’appel ?',
  previewIntro:
    'L’agent de votre discussion vous invite à un appel vidéo. Vérifiez d’abord votre caméra et votre micro.',
  startMedia: 'Activer la caméra et le micro',
  startingMedia: 'Activation de la caméra et du micro…',
  previewPlaceholder: 'L’aperçu de votre caméra s’affichera ici',
  cameraOffPreview: 'Votre caméra est coupée',
  noCameraPreview: 'Aucune caméra',
  camera: 'Caméra',
  microphone: 'Micro',
  speaker: 'Haut-parleur',
  deviceFallback: '{kind} {number}',
  join: 'Rejoindre l’appel',
  joinAudioOnly: 'Rejoindre en audio seulement',
  joinVideoOnly: 'Rejoindre en vidéo seulement',
  joinWithoutMedia: 'Rejoindre sans caméra ni micro',
  joining: 'Connexion…',
  joinFailed: 'Nous n’avons pas pu établir l’appel. Vérifiez votre connexion et réessayez.',

  muteMic: 'Couper le micro',
  unmuteMic: 'Réactiver le micro',
  cameraOff: 'Couper la caméra',
  cameraOn: 'Activer la caméra',
  leave: 'Quitter l’appel',
  blurBackground: 'Flouter mon arrière-plan',
  blurHint: 'Vous seul restez net. Le démarrage peut prendre quelques secondes.',
  blurStarting: 'Floutage de votre arrière-plan…',
  blurOn: 'Votre arrière-plan est flouté.',
  blurOff: 'Votre arrière-plan n’est plus flouté.',
  blurFailedShort: 'Le flou n’a pas pu démarrer, votre caméra est donc coupée',
  blurFailed:
    'Votre arrière-plan n’a pas pu être flouté dans ce navigateur, votre caméra reste donc coupée. Choisissez « Réessayer », ou désactivez « Flouter mon arrière-plan » puis activez la caméra sans flou.',

  deniedBoth: 'Votre navigateur a bloqué la caméra et le micro.',
  deniedCamera: 'Votre navigateur a bloqué la caméra.',
  deniedMicrophone: 'Votre navigateur a bloqué le micro.',
  notFoundCamera: 'Nous n’avons trouvé aucune caméra. Vous pouvez quand même rejoindre en audio.',
  notFoundMicrophone: 'Nous n’avons trouvé aucun micro. Vous pouvez quand même rejoindre en vidéo.',
  inUseCamera: 'Votre caméra est utilisée par une autre application. Fermez-la et réessayez.',
  inUseMicrophone: 'Votre micro est utilisé par une autre application. Fermez-la et réessayez.',
  mediaFailed: 'Nous n’avons pas pu démarrer votre caméra ou votre micro.',
  permissionHelpChrome:
    'Choisissez l’icône de caméra à droite de la barre d’adresse, sélectionnez « Toujours autoriser », puis « Réessayer ».',
  permissionHelpEdge:
    'Choisissez le cadenas à gauche de la barre d’adresse, réglez Caméra et Micro sur « Autoriser », puis choisissez « Réessayer ».',
  permissionHelpFirefox:
    'Choisissez l’icône de caméra barrée dans la barre d’adresse, supprimez le blocage, puis choisissez « Réessayer ».',
  permissionHelpSafari:
    'Dans le menu Safari, choisissez « Réglages pour ce site web », réglez Caméra et Micro sur « Autoriser », puis choisissez « Réessayer ».',
  permissionHelpIos:
    'Touchez « aA » dans la barre d’adresse, choisissez « Réglages du site web », réglez Caméra et Micro sur « Autoriser », puis touchez « Réessayer ».',
  permissionHelpAndroid:
    'Touchez l’icône à gauche de la barre d’adresse, choisissez « Autorisations », autorisez Caméra et Micro, puis touchez « Réessayer ».',
  permissionHelpOther:
    'Autorisez la caméra et le micro pour ce site dans les réglages de votre navigateur, puis choisissez « Réessayer ».',

  waitingForAgent: 'En attente de l’agent…',
  agentLeft: 'L’agent a quitté l’appel. En attente de son retour…',
  agentJoined: 'L’agent a rejoint l’appel.',
  agentVideo: 'Vidéo de l’agent',
  yourVideo: 'Votre vidéo',
  recording: 'Enregistrement',
  recordingStarted: 'Cet appel est maintenant enregistré.',
  recordingStopped: 'L’enregistrement est arrêté.',
  transcribing: 'Transcription',
  transcriptionStarted: 'Cet appel est maintenant transcrit.',
  transcriptionStopped: 'La transcription est arrêtée.',
  transcribedCall: 'Cet appel est transcrit : ce que vous et l’agent dites est écrit sous forme de texte.',
  captions: 'Sous-titres',
  captionsRegion: 'Sous-titres des paroles de l’agent',
  reconnecting: 'Connexion perdue. Reconnexion…',
  reconnected: 'Reconnecté.',
  networkQuality: 'Qualité du réseau : {level} sur 5',
  networkWeak: 'Votre connexion est faible. La vidéo peut se figer.',

  endedByAgentTitle: 'L’appel est terminé',
  endedByAgentBody: 'L’agent a mis fin à l’appel vidéo. Vous pouvez continuer dans la discussion.',
  leftTitle: 'Vous avez quitté l’appel',
  leftBody: 'Vous pouvez revenir tant que l’agent est encore dans l’appel.',
  connectionLostTitle: 'L’appel a été interrompu',
  connectionLostBody: 'La connexion à l’appel a été perdue. Vérifiez votre connexion, puis revenez.',
  replacedTitle: 'Vous avez rejoint depuis un autre endroit',
  replacedBody:
    'Cet appel est ouvert dans un autre onglet ou sur un autre appareil, il a donc été fermé ici.',
  rejoin: 'Revenir dans l’appel',
  closeHint: 'Vous pouvez fermer cette page.',
  inCall: 'Dans cet appel ({count}) :',
  you: 'Vous',
  roleAgent: 'Conseiller',
  roleSupervisor: 'Superviseur',
  roleOther: 'Autre participant',
  joined: '{role} a rejoint l’appel.',
  left: '{role} a quitté l’appel.',
  removedTitle: 'Vous avez été retiré de l’appel',
  removedBody: 'Le conseiller vous a retiré de l’appel vidéo ou vous a envoyé un lien plus récent.',
  agentMicOff: 'Le micro de l’agent est coupé',
  agentCameraOff: 'La caméra de l’agent est coupée',
  agentMicOn: 'Le micro de l’agent est activé.',
  agentCameraOn: 'La caméra de l’agent est activée.',
  callTime: 'Durée de l’appel',
  moveSelfView: 'Déplacer votre vidéo',
  rejoining: 'Retour dans l’appel…',
  snapshotAskTitle: 'L’agent souhaite prendre une photo',
  snapshotAskBody: 'Une image de votre caméra sera ajoutée à ce chat.',
  snapshotAllow: 'Autoriser',
  snapshotDecline: 'Refuser',
  snapshotTaken: 'L’agent a pris une photo',
  switchCamera: 'Changer de caméra',
  chooseCamera: 'Choisir une caméra',
  torchOn: 'Allumer la lampe',
  torchOff: 'Éteindre la lampe',
  backCameraAsked: 'L’agent vous demande de le lui montrer avec la caméra arrière.',
  useBackCamera: 'Utiliser la caméra arrière',
  notNow: 'Pas maintenant',
  audioOnly: 'Audio seul',
  videoBackOn: 'Activer la vidéo',
  audioOnlyOffer: 'Votre connexion est faible. Passer en audio seul ?',
  audioOnlyTaken: 'Votre connexion est trop faible pour la vidéo : seule votre voix est envoyée.',
  videoOffer: 'Votre connexion s’est améliorée. Réactiver la vidéo ?',
  agentAudioOnly: 'L’agent est passé en audio seul.',
  agentAudioOnlyNetwork:
    'La connexion de l’agent est trop faible pour la vidéo : vous l’entendez sans le voir.',
  agentPointing: 'L’agent montre quelque chose dans votre vidéo.',
};

export default fr;
