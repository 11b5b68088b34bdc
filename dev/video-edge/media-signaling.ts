import { randomUUID } from 'node:crypto';
import { RTCPeerConnection, type RTCDataChannel } from 'werift';

/**
 * The edge's own peer connection to one participant, carrying only the SDK's media-signalling
 * data channels (twilio-video 2.36 reads network quality, dominant speaker and transcriptions
 * nowhere else: lib/signaling/v2/room.js sets each up only over a `data-channel` transport the
 * server names in `media_signaling`). Audio and video never come here: they stay page to page.
 *
 * Who does what, as the SDK's source has it: the edge offers on a peer-connection id of its own
 * (the SDK's PeerConnectionManager opens a connection for any id the server names and answers its
 * offers); the edge creates the data channels, so the SDK sees `datachannel` events, wraps each in
 * a DataTrackReceiver whose id is the channel's label, and MediaSignaling.setup(label) picks it
 * up. The SDK then adds its media senders to every connection it holds and offers again; the edge
 * answers those m-lines `inactive`, so no media is sent to it.
 *
 * ICE: the edge is ICE-lite, like Twilio's media servers, with one host candidate on 127.0.0.1.
 * The browser, the full agent, finds the edge from that candidate, and the edge learns the
 * browser's address from its checks: Chromium's mDNS `.local` candidates are never resolved (the
 * SDK does not even send candidates to an ICE-lite peer), and no packet leaves loopback.
 */

/** The media-signalling channels the edge serves, under the names the SDK asks for them by in
 * `connect` and looks them up by in `connected`. */
export const CHANNELS = ['network_quality', 'active_speaker', 'extension_transcriptions'] as const;
export type Channel = (typeof CHANNELS)[number];

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The channels a `connect` asks for over a data channel (its `media_signaling`), that the edge serves. */
export function requestedChannels(mediaSignaling: unknown): Channel[] {
  if (!isObject(mediaSignaling)) return [];
  return CHANNELS.filter((channel) => {
    const request = mediaSignaling[channel];
    return (
      isObject(request) &&
      Array.isArray(request.transports) &&
      request.transports.some((transport) => isObject(transport) && transport.type === 'data-channel')
    );
  });
}

/** `media_signaling` as `connected` names it: each channel on the data channel of its own label. */
export function announced(channels: readonly Channel[]): Body {
  return Object.fromEntries(
    channels.map((channel) => [channel, { transport: { type: 'data-channel', label: channel } }]),
  );
}

export interface MediaSignalingEvents {
  /** A description for the SDK, to go out in `peer_connections` under the peer's id. */
  describe(description: Body): void;
  opened(channel: Channel): void;
  message(channel: Channel, message: Body): void;
  closed(): void;
}

/** Well under the SDK's 3 s ICE inactivity threshold (util/constants.js). */
const KEEPALIVE_MS = 1000;

/** Loopback only, ICE-lite, no STUN or TURN: see above. */
const PEER_CONFIG = {
  iceLite: true,
  iceServers: [],
  iceUseIpv4: false,
  iceUseIpv6: false,
  iceAdditionalHostAddresses: ['127.0.0.1'],
  iceInterfaceAddresses: { udp4: '127.0.0.1' },
};

export class MediaSignalingPeer {
  /** The peer-connection id the SDK knows this connection by. */
  readonly id = randomUUID();
  private readonly pc = new RTCPeerConnection(PEER_CONFIG);
  private readonly dataChannels = new Map<Channel, RTCDataChannel>();
  /** Descriptions are applied one at a time, in the order they came. */
  private queue: Promise<void> = Promise.resolve();
  private offered: Body | null = null;
  private lastAnswer: Body | null = null;
  private closed = false;
  private lastSent = 0;
  private readonly keepalive = setInterval(() => this.keepAlive(), KEEPALIVE_MS).unref();

  constructor(
    readonly channels: readonly Channel[],
    private readonly events: MediaSignalingEvents,
  ) {
    for (const [index, channel] of channels.entries()) {
      // Odd stream ids, as the DTLS server's (RFC 8832; Chromium answers as the DTLS client and
      // takes even ones). werift would pick even ones itself (it goes by its ICE role, and the
      // ICE-lite edge is never controlling), so a data track the page publishes while these
      // channels open took the same id and the edge's channels never opened.
      const dataChannel = this.pc.createDataChannel(channel, { id: 2 * index + 1 });
      this.dataChannels.set(channel, dataChannel);
      dataChannel.stateChanged.subscribe((state) => {
        if (state === 'open') events.opened(channel);
      });
      dataChannel.onMessage.subscribe((data) => {
        const message = parse(data.toString());
        if (message) events.message(channel, message);
      });
    }
    this.pc.connectionStateChange.subscribe((state) => {
      if (state === 'failed') this.close();
    });
  }

  /** Offers the data channels (revision 1), once the edge's one candidate is in the description. */
  offer(): void {
    this.enqueue(async () => {
      await this.pc.setLocalDescription(await this.pc.createOffer());
      await gathered(this.pc);
      this.offered = { type: 'offer', revision: 1, sdp: this.pc.localDescription?.sdp };
      this.events.describe(this.offered);
    });
  }

  /** The offer again, if the SDK has not answered it (its socket dropped before it arrived). */
  reofferIfUnanswered(): void {
    this.enqueue(() => {
      if (this.offered && this.pc.signalingState === 'have-local-offer') this.events.describe(this.offered);
    });
  }

  /** A description the SDK sent for this connection. ICE needs nothing: the edge is ICE-lite. */
  apply(description: unknown): void {
    if (!isObject(description) || typeof description.revision !== 'number') return;
    const { revision } = description;
    if (description.type === 'close') return this.close();
    if (description.type === 'answer' && typeof description.sdp === 'string') {
      const sdp = description.sdp;
      return this.enqueue(async () => {
        if (this.pc.signalingState !== 'have-local-offer' || revision !== this.offered?.revision) return;
        await this.pc.setRemoteDescription({ type: 'answer', sdp });
      });
    }
    if (description.type === 'offer' && typeof description.sdp === 'string') {
      const sdp = description.sdp;
      this.enqueue(async () => {
        const last = typeof this.lastAnswer?.revision === 'number' ? this.lastAnswer.revision : 0;
        // An offer answered already (a `sync` repeats the SDK's state): the same answer again.
        if (revision === last && this.lastAnswer) return this.events.describe(this.lastAnswer);
        if (revision < last) return;
        // werift restarts DTLS for an offer applied while its first connection is being set up,
        // and fails; the SDK offers again at once (it adds its media senders), so wait for it.
        await settled(this.pc);
        await this.pc.setRemoteDescription({ type: 'offer', sdp });
        for (const transceiver of this.pc.getTransceivers()) transceiver.setDirection('inactive');
        await this.pc.setLocalDescription(await this.pc.createAnswer());
        this.lastAnswer = { type: 'answer', revision, sdp: this.pc.localDescription?.sdp };
        this.events.describe(this.lastAnswer);
      });
    }
  }

  /** Sends a message on the channel; false when it is not open. */
  send(channel: Channel, message: Body): boolean {
    const dataChannel = this.dataChannels.get(channel);
    if (this.closed || dataChannel?.readyState !== 'open') return false;
    dataChannel.send(JSON.stringify(message));
    this.lastSent = Date.now();
    return true;
  }

  isOpen(channel: Channel): boolean {
    return !this.closed && this.dataChannels.get(channel)?.readyState === 'open';
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepalive);
    void this.pc.close();
    this.events.closed();
  }

  /** The SDK restarts ICE on a connection that received nothing for 3 s (its
   * IceConnectionMonitor); Twilio's servers keep theirs busy with media. This one carries only
   * what is said on it, so it says something the SDK ignores (an unknown message type) when idle. */
  private keepAlive(): void {
    if (Date.now() - this.lastSent < KEEPALIVE_MS) return;
    const open = this.channels.find((channel) => this.isOpen(channel));
    if (open) this.send(open, { type: 'keepalive' });
  }

  private enqueue(step: () => Promise<void> | void): void {
    this.queue = this.queue
      .then(() => (this.closed ? undefined : step()))
      // A description the edge cannot apply leaves the SDK's side as it was; the SDK's own
      // timeouts decide, as with a server that does not answer.
      .catch(() => undefined);
  }
}

function parse(text: string): Body | null {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** How long the edge waits for the SDK to reach it before giving up on a description. */
const CONNECT_TIMEOUT_MS = 15_000;

async function settled(pc: RTCPeerConnection): Promise<void> {
  const connecting = (state: string) => state === 'new' || state === 'connecting';
  if (connecting(pc.connectionState))
    await pc.connectionStateChange.watch((state) => !connecting(state), CONNECT_TIMEOUT_MS);
}

async function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState !== 'complete')
    await pc.iceGatheringStateChange.watch((state) => state === 'complete');
}
