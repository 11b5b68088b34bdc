/** The local Twilio emulator: one for the tests, the bench and the sandbox. Never deployed. */
export { TwilioEmulator, type EmulatorOptions, type RecordedCall } from './emulator';
export { twilioSignature, type Delivery } from './callbacks';
export type { Fault } from './faults';
export {
  ACCOUNT_SID,
  API_KEY,
  API_SECRET,
  AUTH_TOKEN,
  WORKSPACE_SID,
  SYNC_SERVICE_SID,
  CHAT_SERVICE_SID,
  emulatorEnv,
  flexShapedToken,
  iso,
  newSid,
  TwilioError,
} from './ids';
export type {
  EmulatorEvent,
  FlexUser,
  Media,
  Message,
  Participant,
  Room,
  SeededTask,
  SyncService,
  Transcription,
} from './state';
export { noticeTag } from './state';
