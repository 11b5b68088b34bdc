import type { JoinCatalog } from '../strings';

/** Spanish. */
const es: JoinCatalog = {
  pageTitle: 'Videollamada',
  checkingInvite: 'Comprobando tu invitación…',

  inviteMissingTitle: 'Este enlace está incompleto',
  inviteMissingBody:
    'El enlace de la videollamada parece estar cortado. Vuelve al chat y toca el enlace completo, o pide uno nuevo al agente.',
  inviteInvalidTitle: 'Este enlace no funciona',
  inviteInvalidBody:
    'No hemos reconocido este enlace de videollamada. Puede que se haya copiado de forma incompleta o que se haya modificado.',
  inviteExpiredTitle: 'Este enlace ha caducado',
  inviteExpiredBody:
    'Los enlaces de videollamada solo funcionan durante poco tiempo, para proteger tu privacidad.',
  inviteRevokedTitle: 'Se ha enviado un enlace más reciente',
  inviteRevokedBody:
    'El agente te ha enviado un enlace más reciente en el chat, así que este ya no funciona.',
  useNewestLink: 'Vuelve al chat y abre el enlace más reciente para unirte a la llamada.',
  sessionEndedTitle: 'Esta videollamada ha terminado',
  sessionEndedBody: 'El agente ya ha cerrado esta videollamada, así que el enlace ya no funciona.',
  askForNewLink: 'Si aún necesitas ayuda, vuelve al chat y pide al agente un enlace nuevo.',
  serviceBusyTitle: 'Todavía no hemos podido conectarte',
  serviceBusyBody: 'El servicio de vídeo está ocupado. Vuelve a intentarlo dentro de {seconds} segundos.',
  serviceErrorTitle: 'Algo ha salido mal',
  serviceErrorBody: 'No hemos podido iniciar la videollamada. Vuelve a intentarlo en un momento.',
  offlineBody:
    'No hemos podido contactar con el servicio de vídeo. Comprueba tu conexión y vuelve a intentarlo.',
  tryAgain: 'Reintentar',

  unsupportedTitle: 'Este navegador no puede hacer videollamadas',
  unsupportedBody: 'Abre el enlace del chat en una versión actual de Chrome, Safari, Edge o Firefox.',
  unsupportedInApp:
    'Si el enlace se abrió dentro de otra aplicación, usa su menú para abrirlo en tu navegador.',
  insecureBody:
    'Las videollamadas solo funcionan con una conexión segura (https). Abre el enlace tal como te lo envió el agente.',

  previewTitle: '¿Todo listo para unirte?',
  previewIntro:
    'El agente de tu chat te ha invitado a una videollamada. Comprueba primero tu cámara y tu micrófono.',
  startMedia: 'Activar cámara y micrófono',
  startingMedia: 'Activando cámara y micrófono…',
  previewPlaceholder: 'Aquí verás la imagen de tu cámara',
  cameraOffPreview: 'Tu cámara está apagada',
  noCameraPreview: 'Sin cámara',
  camera: 'Cámara',
  microphone: 'Micrófono',
  speaker: 'Altavoz',
  deviceFallback: '{kind} {number}',
  join: 'Unirme a la llamada',
  joinAudioOnly: 'Unirme solo con audio',
  joinVideoOnly: 'Unirme solo con vídeo',
  joinWithoutMedia: 'Unirme sin cámara ni micrófono',
  joining: 'Uniéndote…',
  joinFailed: 'No hemos podido conectar la llamada. Comprueba tu conexión y vuelve a intentarlo.',

  muteMic: 'Silenciar micrófono',
  unmuteMic: 'Activar micrófono',
  cameraOff: 'Apagar cámara',
  cameraOn: 'Encender cámara',
  leave: 'Salir de la llamada',
  blurBackground: 'Desenfocar mi fondo',
  blurHint: 'Solo tú te verás nítido. Puede tardar unos segundos en activarse.',
  blurStarting: 'Desenfocando tu fondo…',
  blurOn: 'Tu fondo está desenfocado.',
  blurOff: 'Tu fondo ya no está desenfocado.',
  blurFailedShort: 'No se pudo desenfocar, así que tu cámara está apagada',
  blurFailed:
    'No se ha podido desenfocar tu fondo en este navegador, así que tu cámara sigue apagada. Elige «Reintentar», o desactiva «Desenfocar mi fondo» y enciende la cámara sin desenfoque.',

  deniedBoth: 'Tu navegador ha bloqueado la cámara y el micrófono.',
  deniedCamera: 'Tu navegador ha bloqueado la cámara.',
  deniedMicrophone: 'Tu navegador ha bloqueado el micrófono.',
  notFoundCamera: 'No hemos encontrado ninguna cámara. Aún puedes unirte con audio.',
  notFoundMicrophone: 'No hemos encontrado ningún micrófono. Aún puedes unirte con vídeo.',
  inUseCamera: 'Otra aplicación está usando tu cámara. Ciérrala y vuelve a intentarlo.',
  inUseMicrophone: 'Otra aplicación está usando tu micrófono. Ciérrala y vuelve a intentarlo.',
  mediaFailed: 'No hemos podido activar tu cámara o tu micrófono.',
  permissionHelpChrome:
    'Selecciona el icono de la cámara a la derecha de la barra de direcciones, elige «Permitir siempre» y luego «Reintentar».',
  permissionHelpEdge:
    'Selecciona el candado a la izquierda de la barra de direcciones, pon Cámara y Micrófono en «Permitir» y luego elige «Reintentar».',
  permissionHelpFirefox:
    'Selecciona el icono de la cámara tachada en la barra de direcciones, quita el bloqueo y luego elige «Reintentar».',
  permissionHelpSafari:
    'En el menú Safari, elige «Ajustes de este sitio web», pon Cámara y Micrófono en «Permitir» y luego elige «Reintentar».',
  permissionHelpIos:
    'Toca «aA» en la barra de direcciones, elige «Ajustes del sitio web», pon Cámara y Micrófono en «Permitir» y toca «Reintentar».',
  permissionHelpAndroid:
    'Toca el icono a la izquierda de la barra de direcciones, elige «Permisos», permite Cámara y Micrófono y toca «Reintentar».',
  permissionHelpOther:
    'Permite la cámara y el micrófono para este sitio en los ajustes de tu navegador y luego elige «Reintentar».',

  waitingForAgent: 'Esperando a que el agente se una…',
  agentLeft: 'El agente ha salido de la llamada. Esperando a que vuelva…',
  agentJoined: 'El agente se ha unido a la llamada.',
  agentVideo: 'Vídeo del agente',
  yourVideo: 'Tu vídeo',
  recording: 'Grabando',
  recordingStarted: 'Esta llamada se está grabando.',
  recordingStopped: 'La grabación se ha detenido.',
  reconnecting: 'Se ha perdido la conexión. Reconectando…',
  reconnected: 'Reconectado.',
  networkQuality: 'Calidad de la red: {level} de 5',
  networkWeak: 'Tu conexión es débil. El vídeo puede detenerse.',

  endedByAgentTitle: 'La llamada ha terminado',
  endedByAgentBody: 'El agente ha finalizado la videollamada. Puedes continuar en el chat.',
  leftTitle: 'Has salido de la llamada',
  leftBody: 'Puedes volver a unirte mientras el agente siga en la llamada.',
  connectionLostTitle: 'La llamada se ha desconectado',
  connectionLostBody: 'Hemos perdido la conexión con la llamada. Comprueba tu conexión y vuelve a unirte.',
  replacedTitle: 'Te has unido desde otro lugar',
  replacedBody:
    'Esta llamada está abierta en otra pestaña o en otro dispositivo, así que se ha cerrado aquí.',
  rejoin: 'Volver a unirme',
  closeHint: 'Puedes cerrar esta página.',
  inCall: 'En esta llamada ({count}):',
  you: 'Tú',
  roleAgent: 'Agente',
  roleSupervisor: 'Supervisor',
  roleOther: 'Otro participante',
  joined: '{role} se ha unido a la llamada.',
  left: '{role} ha salido de la llamada.',
  removedTitle: 'Se te ha retirado de la llamada',
  removedBody: 'El agente te ha retirado de la videollamada o te ha enviado un enlace más reciente.',
  agentMicOff: 'El micrófono del agente está apagado',
  agentCameraOff: 'La cámara del agente está apagada',
  agentMicOn: 'El micrófono del agente está encendido.',
  agentCameraOn: 'La cámara del agente está encendida.',
  callTime: 'Duración de la llamada',
  moveSelfView: 'Mover tu vídeo',
  rejoining: 'Volviendo a la llamada…',
  switchCamera: 'Cambiar cámara',
  chooseCamera: 'Elegir una cámara',
  torchOn: 'Encender linterna',
  torchOff: 'Apagar linterna',
  backCameraAsked: 'El agente te pide que se lo muestres con la cámara trasera.',
  useBackCamera: 'Usar cámara trasera',
  notNow: 'Ahora no',
  audioOnly: 'Solo audio',
  videoBackOn: 'Activar vídeo',
  audioOnlyOffer: 'Tu conexión es débil. ¿Pasar a solo audio?',
  audioOnlyTaken: 'Tu conexión es demasiado débil para el vídeo, así que solo se envía tu voz.',
  videoOffer: 'Tu conexión ha mejorado. ¿Volver a activar el vídeo?',
  agentAudioOnly: 'El agente ha pasado a solo audio.',
  agentPointing: 'El agente está señalando algo en tu vídeo.',
};

export default es;
