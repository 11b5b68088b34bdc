/** Sharing the agent's screen: a getDisplayMedia capture published as an extra video track
 * next to the camera, named so the customer's page can tell the two apart. Ends when the agent
 * stops it here or with the browser's own "Stop sharing" (the track then ends by itself). */
import { SCREEN_TRACK_NAME, type LocalParticipant } from '../shared/sdk';

export type ShareOutcome = 'started' | 'cancelled' | 'failed';

export class ScreenShare {
  private track: MediaStreamTrack | null = null;
  private participant: LocalParticipant | null = null;

  constructor(
    private readonly capture: () => Promise<MediaStream>,
    /** Called when sharing stopped without stop() being called (the browser's own button). */
    private readonly onEnded: () => void,
  ) {}

  get active(): boolean {
    return this.track !== null;
  }

  async start(participant: LocalParticipant): Promise<ShareOutcome> {
    this.stop();
    let stream: MediaStream;
    try {
      stream = await this.capture();
    } catch (error) {
      // The agent closed the browser's picker: not a failure worth an error message.
      const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
      return name === 'NotAllowedError' ? 'cancelled' : 'failed';
    }
    const track = stream.getVideoTracks()[0];
    if (!track) return 'failed';
    try {
      await participant.publishTrack(track, { name: SCREEN_TRACK_NAME });
    } catch {
      track.stop();
      return 'failed';
    }
    this.track = track;
    this.participant = participant;
    track.addEventListener('ended', () => {
      if (this.track !== track) return;
      this.release();
      this.onEnded();
    });
    return 'started';
  }

  stop(): void {
    const track = this.track;
    this.release();
    track?.stop();
  }

  private release(): void {
    if (this.track) this.participant?.unpublishTrack(this.track);
    this.track = null;
    this.participant = null;
  }
}
