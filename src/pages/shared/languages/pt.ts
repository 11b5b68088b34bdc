import type { Strings } from '../strings';

/** Portuguese (written for Brazil, read in Portugal too). */
const pt: Strings = {
  pageTitle: 'Videochamada',
  checkingInvite: 'Verificando seu convite…',

  inviteMissingTitle: 'Este link está incompleto',
  inviteMissingBody:
    'O link da videochamada parece estar cortado. Volte ao chat e toque no link completo, ou peça um novo ao atendente.',
  inviteInvalidTitle: 'Este link não funciona',
  inviteInvalidBody:
    'Não reconhecemos este link de videochamada. Ele pode ter sido copiado de forma incompleta ou alterado.',
  inviteExpiredTitle: 'Este link expirou',
  inviteExpiredBody:
    'Os links de videochamada funcionam só por pouco tempo, para manter sua chamada privada.',
  inviteRevokedTitle: 'Um link mais recente foi enviado',
  inviteRevokedBody: 'O atendente enviou um link mais recente no chat, por isso este não funciona mais.',
  useNewestLink: 'Volte ao chat e abra o link mais recente para entrar na chamada.',
  sessionEndedTitle: 'Esta videochamada terminou',
  sessionEndedBody: 'O atendente já encerrou esta videochamada, por isso o link não funciona mais.',
  askForNewLink: 'Se ainda precisar de ajuda, volte ao chat e peça um novo link ao atendente.',
  serviceBusyTitle: 'Ainda não conseguimos conectar você',
  serviceBusyBody: 'O serviço de vídeo está ocupado agora. Tente de novo em {seconds} segundos.',
  serviceErrorTitle: 'Algo deu errado',
  serviceErrorBody: 'Não conseguimos iniciar a videochamada. Tente de novo daqui a pouco.',
  offlineBody: 'Não conseguimos acessar o serviço de vídeo. Verifique sua conexão e tente de novo.',
  tryAgain: 'Tentar de novo',

  unsupportedTitle: 'Este navegador não faz videochamadas',
  unsupportedBody: 'Abra o link do chat em uma versão atual do Chrome, Safari, Edge ou Firefox.',
  unsupportedInApp:
    'Se o link abriu dentro de outro aplicativo, use o menu dele para abri-lo no seu navegador.',
  insecureBody:
    'As videochamadas só funcionam em uma conexão segura (https). Abra o link exatamente como o atendente enviou.',

  previewTitle: 'Pronto para entrar?',
  previewIntro:
    'O atendente do seu chat convidou você para uma videochamada. Verifique antes sua câmera e seu microfone.',
  startMedia: 'Ligar câmera e microfone',
  startingMedia: 'Ligando câmera e microfone…',
  previewPlaceholder: 'A imagem da sua câmera aparecerá aqui',
  cameraOffPreview: 'Sua câmera está desligada',
  noCameraPreview: 'Sem câmera',
  camera: 'Câmera',
  microphone: 'Microfone',
  speaker: 'Alto-falante',
  deviceFallback: '{kind} {number}',
  join: 'Entrar na chamada',
  joinAudioOnly: 'Entrar só com áudio',
  joinVideoOnly: 'Entrar só com vídeo',
  joinWithoutMedia: 'Entrar sem câmera e microfone',
  joining: 'Entrando…',
  joinFailed: 'Não conseguimos conectar a chamada. Verifique sua conexão e tente de novo.',

  muteMic: 'Silenciar microfone',
  unmuteMic: 'Ativar microfone',
  cameraOff: 'Desligar câmera',
  cameraOn: 'Ligar câmera',
  leave: 'Sair da chamada',
  blurBackground: 'Desfocar meu fundo',
  blurHint: 'Só você fica nítido. Pode levar alguns segundos para começar.',
  blurStarting: 'Desfocando seu fundo…',
  blurOn: 'Seu fundo está desfocado.',
  blurOff: 'Seu fundo não está mais desfocado.',
  blurFailedShort: 'Não foi possível desfocar, por isso sua câmera está desligada',
  blurFailed:
    'Não foi possível desfocar seu fundo neste navegador, por isso sua câmera continua desligada. Escolha “Tentar de novo”, ou desative “Desfocar meu fundo” e ligue a câmera sem desfoque.',

  deniedBoth: 'Seu navegador bloqueou a câmera e o microfone.',
  deniedCamera: 'Seu navegador bloqueou a câmera.',
  deniedMicrophone: 'Seu navegador bloqueou o microfone.',
  notFoundCamera: 'Não encontramos nenhuma câmera. Você ainda pode entrar com áudio.',
  notFoundMicrophone: 'Não encontramos nenhum microfone. Você ainda pode entrar com vídeo.',
  inUseCamera: 'Sua câmera está sendo usada por outro aplicativo. Feche-o e tente de novo.',
  inUseMicrophone: 'Seu microfone está sendo usado por outro aplicativo. Feche-o e tente de novo.',
  mediaFailed: 'Não conseguimos ligar sua câmera ou seu microfone.',
  permissionHelpChrome:
    'Selecione o ícone da câmera à direita da barra de endereço, escolha “Sempre permitir” e depois “Tentar de novo”.',
  permissionHelpEdge:
    'Selecione o cadeado à esquerda da barra de endereço, defina Câmera e Microfone como “Permitir” e depois escolha “Tentar de novo”.',
  permissionHelpFirefox:
    'Selecione o ícone da câmera riscada na barra de endereço, remova o bloqueio e depois escolha “Tentar de novo”.',
  permissionHelpSafari:
    'No menu Safari, escolha “Ajustes deste site”, defina Câmera e Microfone como “Permitir” e depois escolha “Tentar de novo”.',
  permissionHelpIos:
    'Toque em “aA” na barra de endereço, escolha “Ajustes do Site”, defina Câmera e Microfone como “Permitir” e toque em “Tentar de novo”.',
  permissionHelpAndroid:
    'Toque no ícone à esquerda da barra de endereço, escolha “Permissões”, permita Câmera e Microfone e toque em “Tentar de novo”.',
  permissionHelpOther:
    'Permita a câmera e o microfone para este site nas configurações do seu navegador e depois escolha “Tentar de novo”.',

  waitingForAgent: 'Aguardando o atendente entrar…',
  agentLeft: 'O atendente saiu da chamada. Aguardando o retorno dele…',
  agentJoined: 'O atendente entrou na chamada.',
  agentVideo: 'Vídeo do atendente',
  yourVideo: 'Seu vídeo',
  recording: 'Gravando',
  recordingStarted: 'Esta chamada está sendo gravada.',
  recordingStopped: 'A gravação foi interrompida.',
  transcribing: 'Transcrevendo',
  transcriptionStarted: 'Esta chamada está sendo transcrita.',
  transcribedCall: 'Esta chamada é transcrita: o que você e o agente dizem é registrado como texto.',
  captions: 'Legendas',
  captionsRegion: 'Legendas das falas do agente',
  reconnecting: 'Conexão perdida. Reconectando…',
  reconnected: 'Reconectado.',
  networkQuality: 'Qualidade da rede: {level} de 5',
  networkWeak: 'Sua conexão está fraca. O vídeo pode travar.',

  endedByAgentTitle: 'A chamada terminou',
  endedByAgentBody: 'O atendente encerrou a videochamada. Você pode continuar no chat.',
  leftTitle: 'Você saiu da chamada',
  leftBody: 'Você pode voltar enquanto o atendente ainda estiver na chamada.',
  connectionLostTitle: 'A chamada caiu',
  connectionLostBody: 'Perdemos a conexão com a chamada. Verifique sua conexão e entre de novo.',
  replacedTitle: 'Você entrou de outro lugar',
  replacedBody: 'Esta chamada está aberta em outra aba ou em outro dispositivo, por isso foi fechada aqui.',
  rejoin: 'Voltar à chamada',
  closeHint: 'Você pode fechar esta página.',
  inCall: 'Nesta chamada ({count}):',
  you: 'Você',
  roleAgent: 'Atendente',
  roleSupervisor: 'Supervisor',
  roleOther: 'Outro participante',
  joined: '{role} entrou na chamada.',
  left: '{role} saiu da chamada.',
  removedTitle: 'Você foi removido da chamada',
  removedBody: 'O atendente removeu você da videochamada ou enviou um link mais recente.',
  agentMicOff: 'O microfone do atendente está desligado',
  agentCameraOff: 'A câmera do atendente está desligada',
  agentMicOn: 'O microfone do atendente está ligado.',
  agentCameraOn: 'A câmera do atendente está ligada.',
  callTime: 'Duração da chamada',
  moveSelfView: 'Mover seu vídeo',
  rejoining: 'Voltando à chamada…',
  snapshotAskTitle: 'O atendente quer tirar uma foto',
  snapshotAskBody: 'Uma imagem da sua câmera será adicionada a este chat.',
  snapshotAllow: 'Permitir',
  snapshotDecline: 'Recusar',
  snapshotTaken: 'O atendente tirou uma foto',
};

export default pt;
