/** What the panel does for one task once the host handed it a session: find or start the
 * task's call, stay in it (rejoining with a fresh token when Twilio drops the connection for a
 * token or signalling reason), and carry out the agent's actions. It reports through panel
 * events; the answers of one-off actions are returned for the view to explain. */
import { AGENT_IDENTITY_PREFIX } from '../../contract';
import type { AgentApi, AgentGrant, Escalation, TranscriptionPolicy } from '../shared/api';
import type { AssistChannel } from '../shared/assist-channel';
import type { Heard } from '../shared/captions';
import type { VideoSdk } from '../shared/sdk';
import type { PanelMedia } from './media';
import type { PanelEvent } from './panel-state';
import { isRetryable, problem, problemOf, type Problem } from './problems';
import { joinRoom, type RoomLink, type TrackSink } from './room';
import { participantKind } from './participants';
import { ScreenShare, type ShareOutcome } from './screen-share';
import { TokenKeeper, type Clock } from './token-refresh';
import { TranscriptReporter } from './transcript-reporter';
import { ACCESS_TOKEN_REFUSED, TWILIO_ERROR } from '../../twilio-errors';

/** Twilio Video's codes (twilio-video's TwilioError.code) that decide what a lost room means. */
const ROOM_GONE = new Set<number>([TWILIO_ERROR.ROOM_NOT_FOUND, TWILIO_ERROR.ROOM_COMPLETED]);
const { DUPLICATE_IDENTITY } = TWILIO_ERROR;
const TOKEN_REFUSED = ACCESS_TOKEN_REFUSED;
const CONNECTION_LOST = new Set<number>([
  TWILIO_ERROR.SIGNALING_CONNECTION_ERROR,
  TWILIO_ERROR.SIGNALING_CONNECTION_DISCONNECTED,
  TWILIO_ERROR.SIGNALING_CONNECTION_TIMEOUT,
  TWILIO_ERROR.SIGNALING_SERVER_BUSY,
  TWILIO_ERROR.MEDIA_CONNECTION_ERROR,
  // A reconnection refused because the server no longer holds the participant (its session
  // lapsed while the network was away): a fresh connect brings the agent back.
  TWILIO_ERROR.PARTICIPANT_NOT_FOUND,
]);
export const REJOIN_ATTEMPTS = 3;
const REJOIN_PAUSE_MS = 2000;

export interface SessionDeps {
  /** The SDK, loaded in the background: only connecting needs it, the preview does not. */
  loadSdk(): Promise<VideoSdk>;
  api: AgentApi;
  media: PanelMedia;
  clock: Clock;
  tracks: TrackSink;
  captureScreen: () => Promise<MediaStream>;
  dispatch(event: PanelEvent): void;
  /** VIDEO_TRANSCRIPTION, and whether the transcript is kept (VIDEO_TRANSCRIPT_DESTINATION). */
  transcription: { policy: TranscriptionPolicy; kept: boolean };
  /** A transcription result, for the captions. */
  heard(heard: Heard): void;
  /** Each call's assist channel (issue 21), for the view's camera, pointing and audio-only. */
  onAssist?(channel: AssistChannel): void;
}

const errorCode = (error: unknown): number | null =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number'
    ? error.code
    : null;

export class PanelSession {
  private link: RoomLink | null = null;
  private mediaReady: Promise<unknown> | null = null;
  private readonly keeper: TokenKeeper;
  private readonly screen: ScreenShare;
  /** Null where nothing is to be reported (see transcript-reporter.ts). */
  private readonly reporter: TranscriptReporter | null;
  /** The call's assist channel while this panel is the task's agent: the customer's transcription
   * badge follows what it says (the service's answers), so the badge shows from the agent's Start,
   * not from the first words heard, and goes at Stop. A supervisor's panel says nothing: its
   * answer may be older than the agent's. */
  private badgeChannel: AssistChannel | null = null;
  /** Bumped whenever the panel leaves a room or starts over: a late answer or room event of an
   * earlier attempt is then dropped instead of undoing what came after it. */
  private attempt = 0;

  constructor(private readonly deps: SessionDeps) {
    this.keeper = new TokenKeeper(() => deps.api.agentToken(), deps.clock);
    this.screen = new ScreenShare(deps.captureScreen, () => deps.dispatch({ type: 'sharing', on: false }));
    const { policy, kept } = deps.transcription;
    this.reporter =
      policy !== 'off' && kept
        ? new TranscriptReporter((results) => deps.api.transcript(results), deps.clock)
        : null;
  }

  /** Joins the task's call if it has one, else offers to start one. */
  async begin(): Promise<void> {
    const attempt = this.restart();
    this.deps.dispatch({ type: 'session' });
    const result = await this.deps.api.agentCall();
    if (attempt !== this.attempt) return;
    if (!result.ok) this.fail(problemOf(result.failure));
    else if (result.value.call) await this.connect(result.value.call, attempt, 0);
    else this.deps.dispatch({ type: 'noRoom' });
  }

  /** Starts the call: the room, the link in the chat, and the agent in the room. Answers
   * whether the link is out (`posted`, `already-posted`) or still being posted (`pending`); null
   * if it failed. */
  async start(): Promise<Escalation['inviteStatus'] | null> {
    const attempt = this.restart();
    this.deps.dispatch({ type: 'starting' });
    const [result] = await Promise.all([this.deps.api.escalate(false), this.startMedia()]);
    if (attempt !== this.attempt) return null;
    if (!result.ok) {
      this.deps.dispatch({ type: 'startFailed', problem: problemOf(result.failure) });
      return null;
    }
    void this.connect(result.value.agent, attempt, 0);
    return result.value.inviteStatus;
  }

  /** The agent's camera before the call: what the customer will see. */
  async preview(): Promise<void> {
    await this.startMedia();
  }

  async setRecording(action: 'start' | 'stop'): Promise<void> {
    this.deps.dispatch({ type: 'recordingRequested' });
    const result = await this.deps.api.recording(action);
    if (result.ok) this.deps.dispatch({ type: 'recordingAnswered', recording: result.value.recording });
    else this.deps.dispatch({ type: 'recordingFailed', problem: problemOf(result.failure) });
  }

  /** Results still held are reported before a stop, which closes the transcript. */
  async setTranscription(action: 'start' | 'stop'): Promise<void> {
    this.deps.dispatch({ type: 'transcriptionRequested' });
    if (action === 'stop') await this.reporter?.flush();
    const result = await this.deps.api.transcription(action);
    if (result.ok) this.transcribing(result.value.transcribing);
    else this.deps.dispatch({ type: 'transcriptionFailed', problem: problemOf(result.failure) });
  }

  private transcribing(on: boolean): void {
    this.deps.dispatch({ type: 'transcriptionAnswered', on });
    this.badgeChannel?.setState({ type: 'transcription', on });
  }

  /** Removing the customer revokes their link (the service does), which the stage then says. */
  async remove(identity: string): Promise<Problem | null> {
    const result = await this.deps.api.removeParticipant(identity);
    if (!result.ok) return problemOf(result.failure);
    if (participantKind(identity, null) === 'customer') this.deps.dispatch({ type: 'customerRemoved' });
    return null;
  }

  async sendNewLink(): Promise<Problem | null> {
    const result = await this.deps.api.escalate(true);
    if (!result.ok) return problemOf(result.failure);
    this.deps.dispatch({ type: 'linkSent' });
    return null;
  }

  /** Ends the call for everyone (the service closes the room and tells the customer). */
  async end(): Promise<Problem | null> {
    // The room's end closes the transcript: what is held goes first.
    await this.reporter?.flush();
    const result = await this.deps.api.complete();
    if (!result.ok) return problemOf(result.failure);
    this.restart();
    this.release();
    this.deps.dispatch({ type: 'ended' });
    return null;
  }

  async toggleScreenShare(): Promise<ShareOutcome | 'stopped'> {
    if (this.screen.active) {
      this.screen.stop();
      this.deps.dispatch({ type: 'sharing', on: false });
      return 'stopped';
    }
    if (!this.link) return 'failed';
    const outcome = await this.screen.start(this.link.room.localParticipant);
    if (outcome === 'started') this.deps.dispatch({ type: 'sharing', on: true });
    return outcome;
  }

  /** The page is going away: leave the call (it goes on for the customer) and free the devices. */
  leave(): void {
    this.restart();
    this.release();
  }

  private async connect(grant: AgentGrant, attempt: number, tries: number): Promise<void> {
    this.keeper.keep(grant);
    this.deps.dispatch({ type: 'connecting', roomSid: grant.roomSid });
    const [sdk] = await Promise.all([this.deps.loadSdk().catch(() => null), this.startMedia()]);
    if (attempt !== this.attempt) return;
    if (!sdk?.isSupported) return this.fail(problem('unsupported'));
    const current = () => attempt === this.attempt;
    const { policy } = this.deps.transcription;
    // Only the task's agent reports: a supervisor's panel (no reservation) would be refused.
    const reports = grant.identity.startsWith(AGENT_IDENTITY_PREFIX);
    try {
      const link = await joinRoom(
        sdk,
        grant,
        this.deps.media,
        {
          dispatch: (event) => current() && this.deps.dispatch(event),
          addTrack: (track, participant) => current() && this.deps.tracks.addTrack(track, participant),
          removeTrack: (track) => current() && this.deps.tracks.removeTrack(track),
          onDisconnected: (code) => current() && this.lost(code ?? null, attempt, 0),
          heard: (heard) => {
            if (!current()) return;
            if (reports) this.reporter?.add(heard);
            this.deps.heard(heard);
          },
          onAssist: (channel) => {
            if (!current()) return;
            this.badgeChannel = reports ? channel : null;
            if (policy === 'always') this.badgeChannel?.setState({ type: 'transcription', on: true });
            this.deps.onAssist?.(channel);
          },
        },
        policy !== 'off',
      );
      if (current()) this.link = link;
      else link.leave();
      if (current() && policy === 'on-demand') void this.readTranscription(attempt);
    } catch (error) {
      if (!current()) return;
      const code = errorCode(error);
      if (code === null) this.fail(problem('connect'));
      else this.lost(code, attempt, tries);
    }
  }

  /** Whether the room is transcribed already (started before this panel joined it). */
  private async readTranscription(attempt: number): Promise<void> {
    const result = await this.deps.api.transcription('status');
    if (result.ok && attempt === this.attempt) this.transcribing(result.value.transcribing);
  }

  /** The room is gone without the agent leaving it. */
  private lost(code: number | null, attempt: number, tries: number): void {
    this.link = null;
    this.screen.stop();
    if (code === DUPLICATE_IDENTITY) {
      this.release();
      this.deps.dispatch({ type: 'replaced' });
    } else if (code === null || ROOM_GONE.has(code)) {
      // No error and not the agent's doing: the room was closed (by Twilio, or from elsewhere).
      this.release();
      this.deps.dispatch({ type: 'ended' });
    } else if ((TOKEN_REFUSED.has(code) || CONNECTION_LOST.has(code)) && tries < REJOIN_ATTEMPTS) {
      void this.rejoin(TOKEN_REFUSED.has(code), attempt, tries + 1);
    } else {
      this.fail(problem('connect'));
    }
  }

  private async rejoin(freshToken: boolean, attempt: number, tries: number): Promise<void> {
    this.deps.dispatch({ type: 'rejoining' });
    if (tries > 1)
      await new Promise((resolve) => this.deps.clock.setTimeout(() => resolve(undefined), REJOIN_PAUSE_MS));
    if (attempt !== this.attempt) return;
    const result = await this.keeper.tokenForConnect(freshToken);
    if (attempt !== this.attempt) return;
    if (result.ok) return this.connect(result.value, attempt, tries);
    const why = problemOf(result.failure);
    if (why.kind === 'no-room') {
      this.release();
      this.deps.dispatch({ type: 'ended' });
    } else if (isRetryable(why.kind) && tries < REJOIN_ATTEMPTS) {
      await this.rejoin(freshToken, attempt, tries + 1);
    } else {
      this.fail(why);
    }
  }

  private fail(why: Problem): void {
    this.release();
    this.deps.dispatch({ type: 'failed', problem: why });
  }

  /** Leaves the current room (if any) and drops everything an earlier attempt may still do. */
  private restart(): number {
    this.attempt += 1;
    this.keeper.stop();
    this.screen.stop();
    this.link?.leave();
    this.link = null;
    this.badgeChannel = null;
    return this.attempt;
  }

  private startMedia(): Promise<unknown> {
    this.mediaReady ??= this.deps.media.start();
    return this.mediaReady;
  }

  /** Camera and microphone off, the token no longer kept fresh. */
  private release(): void {
    this.keeper.stop();
    this.reporter?.stop();
    this.screen.stop();
    this.deps.media.stop();
    this.mediaReady = null;
  }
}
