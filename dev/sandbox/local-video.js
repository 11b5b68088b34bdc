/* The sandbox's stand-in for twilio-video (served at /join/twilio-video.min.js by the sandbox only).
 * The real join page and agent panel run unchanged on top of it: it implements what they use of
 * twilio-video 2.x (src/pages/shared/sdk.ts) with real WebRTC between the pages on this machine.
 * The emulator's room is the truth: connecting adds a participant to it, its participants, recording
 * and end arrive as events from the sandbox server (local-video-server.ts), which also relays the
 * offers, answers and ICE candidates. Media goes page to page: one RTCPeerConnection per pair of
 * participants, negotiated with the "perfect negotiation" pattern so either side may (re)publish.
 * What it shares with the browser tests' fake SDK is twilio-video-base.js, served in front of it. */
(function () {
  'use strict';

  // A restarted track reaches the peers it was sent to through the room it is published in.
  const base = window.__twilioVideoBase({
    restarted: (track) => track._room && track._room._replaceTrack(track, track.mediaStreamTrack),
  });
  const { TwilioError, Track, RemoteParticipant } = base;

  /** Publishing sends the track to every peer; one stream per track, whose id names the track to
   * the other side (see `_names`). */
  class LocalParticipant extends base.LocalParticipant {
    _published({ track }) {
      track._stream = track._stream || new MediaStream([track.mediaStreamTrack]);
      track._room = this._room;
      this._room._addTrack(track);
    }
    _unpublished({ track }) {
      this._room._removeTrack(track);
      track._room = null;
    }
  }

  const post = (path, body) =>
    fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      keepalive: true,
    });

  class Room extends base.Room {
    constructor(joined) {
      super(
        joined.roomSid,
        joined.roomName,
        joined.isRecording,
        new LocalParticipant(joined.sid, joined.identity),
      );
      this.localParticipant._room = this;
      this._peers = new Map();
      this._events = null;
    }

    disconnect() {
      if (this.state === 'disconnected') return this;
      void post('/__sandbox/video/disconnect', { participant: this.localParticipant.sid });
      this._end();
      this.emit('disconnected', this);
      return this;
    }

    _end() {
      this.state = 'disconnected';
      this.localParticipant.state = 'disconnected';
      if (this._events) this._events.close();
      for (const peer of this._peers.values()) peer.pc.close();
      this._peers.clear();
    }

    _signal(to, data) {
      void post('/__sandbox/video/signal', { from: this.localParticipant.sid, to, data });
    }

    /** The local tracks' names by stream id, sent with every description. */
    _names() {
      const names = {};
      for (const publication of this.localParticipant.tracks.values())
        names[publication.track._stream.id] = publication.track.name;
      return names;
    }

    _addTrack(track) {
      for (const peer of this._peers.values())
        peer.senders.set(track, peer.pc.addTrack(track.mediaStreamTrack, track._stream));
    }

    _removeTrack(track) {
      for (const peer of this._peers.values()) {
        const sender = peer.senders.get(track);
        if (sender) peer.pc.removeTrack(sender);
        peer.senders.delete(track);
      }
    }

    _replaceTrack(track, mediaStreamTrack) {
      for (const peer of this._peers.values()) {
        const sender = peer.senders.get(track);
        if (sender) void sender.replaceTrack(mediaStreamTrack);
      }
    }

    _peer(participant) {
      const existing = this._peers.get(participant.sid);
      if (existing) return existing;
      const pc = new RTCPeerConnection({ iceServers: [] });
      const peer = {
        pc,
        participant,
        senders: new Map(),
        names: {},
        makingOffer: false,
        ignoreOffer: false,
        polite: this.localParticipant.sid > participant.sid,
      };
      this._peers.set(participant.sid, peer);
      pc.onicecandidate = ({ candidate }) => candidate && this._signal(participant.sid, { candidate });
      pc.onnegotiationneeded = async () => {
        try {
          peer.makingOffer = true;
          await pc.setLocalDescription();
          this._signal(participant.sid, { description: pc.localDescription, names: this._names() });
        } catch (error) {
          console.warn('local video: could not offer', error);
        } finally {
          peer.makingOffer = false;
        }
      };
      pc.ontrack = ({ track, streams }) => this._onTrack(peer, track, streams[0]);
      for (const publication of this.localParticipant.tracks.values()) {
        peer.senders.set(
          publication.track,
          pc.addTrack(publication.track.mediaStreamTrack, publication.track._stream),
        );
      }
      return peer;
    }

    async _onSignal(from, data) {
      const participant = this.participants.get(from);
      if (!participant) return;
      const peer = this._peer(participant);
      const { pc } = peer;
      if (data.names) Object.assign(peer.names, data.names);
      if (data.description) {
        const collision =
          data.description.type === 'offer' && (peer.makingOffer || pc.signalingState !== 'stable');
        peer.ignoreOffer = !peer.polite && collision;
        if (peer.ignoreOffer) return;
        await pc.setRemoteDescription(data.description);
        if (data.description.type === 'offer') {
          await pc.setLocalDescription();
          this._signal(from, { description: pc.localDescription, names: this._names() });
        }
      } else if (data.candidate) {
        try {
          await pc.addIceCandidate(data.candidate);
        } catch (error) {
          if (!peer.ignoreOffer) console.warn('local video: a candidate was refused', error);
        }
      }
    }

    _onTrack(peer, mediaStreamTrack, stream) {
      const { participant } = peer;
      const publication = participant._subscribe(
        new Track(mediaStreamTrack.kind, mediaStreamTrack, stream && peer.names[stream.id]),
      );
      this._subscribed(participant, publication);
      const gone = () => this._unsubscribed(participant, publication);
      if (stream)
        stream.addEventListener('removetrack', (event) => event.track === mediaStreamTrack && gone());
    }

    _onEvent(event) {
      if (this.state === 'disconnected') return;
      if (event.type === 'signal') return void this._onSignal(event.from, event.data);
      if (event.type === 'participantConnected') {
        const participant = new RemoteParticipant(event.sid, event.identity);
        this._participantConnected(participant);
        // The newcomer offers (its negotiationneeded); this side answers.
        this._peer(participant);
      } else if (event.type === 'participantDisconnected') {
        const participant = this.participants.get(event.sid);
        if (!participant) return;
        const peer = this._peers.get(event.sid);
        if (peer) peer.pc.close();
        this._peers.delete(event.sid);
        this._participantDisconnected(participant);
      } else if (event.type === 'recording') {
        if (this.isRecording === event.on) return;
        this.isRecording = event.on;
        this.emit(event.on ? 'recordingStarted' : 'recordingStopped', this);
      } else if (event.type === 'disconnected') {
        this._end();
        const message =
          event.code === 53118 ? 'Room completed' : 'Participant disconnected because of duplicate identity';
        this.emit('disconnected', this, new TwilioError(event.code, message));
      }
    }
  }

  async function connect(token, options = {}) {
    const answer = await fetch('/__sandbox/video/connect', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const joined = await answer.json();
    if (!answer.ok) throw new TwilioError(joined.code, joined.message);
    const room = new Room(joined);
    for (const track of options.tracks || []) await room.localParticipant.publishTrack(track);
    for (const other of joined.participants)
      room.participants.set(other.sid, new RemoteParticipant(other.sid, other.identity));
    await new Promise((resolve, reject) => {
      const events = new EventSource(`/__sandbox/video/events?participant=${encodeURIComponent(joined.sid)}`);
      room._events = events;
      events.onopen = () => resolve();
      events.onerror = () => {
        if (room.state === 'connected' && events.readyState === EventSource.CLOSED)
          reject(new TwilioError(53000, 'Signaling connection error'));
      };
      events.onmessage = (message) => room._onEvent(JSON.parse(message.data));
    });
    // Those already in the room answer this side's offers.
    for (const participant of room.participants.values()) room._peer(participant);
    window.addEventListener('pagehide', () => room.disconnect());
    return room;
  }

  window.Twilio = Object.assign(window.Twilio || {}, { Video: base.video('2.36.0-sandbox', connect) });
})();
