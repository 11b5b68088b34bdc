/* The sandbox's stand-in for twilio-video (served at /join/twilio-video.min.js by the sandbox only).
 * The real join page and agent panel run unchanged on top of it: it implements what they use of
 * twilio-video 2.x (src/pages/shared/sdk.ts) with real WebRTC between the pages on this machine.
 * The emulator's room is the truth: connecting adds a participant to it, its participants, recording
 * and end arrive as events from the sandbox server (local-video-server.ts), which also relays the
 * offers, answers and ICE candidates. Media goes page to page: one RTCPeerConnection per pair of
 * participants, negotiated with the "perfect negotiation" pattern so either side may (re)publish. */
(function () {
  'use strict';

  class Emitter {
    constructor() {
      this._listeners = new Map();
    }
    on(event, listener) {
      if (!this._listeners.has(event)) this._listeners.set(event, []);
      this._listeners.get(event).push(listener);
      return this;
    }
    once(event, listener) {
      const wrapped = (...args) => {
        this.off(event, wrapped);
        listener(...args);
      };
      return this.on(event, wrapped);
    }
    off(event, listener) {
      const list = this._listeners.get(event) || [];
      const index = list.indexOf(listener);
      if (index >= 0) list.splice(index, 1);
      return this;
    }
    removeListener(event, listener) {
      return this.off(event, listener);
    }
    emit(event, ...args) {
      for (const listener of [...(this._listeners.get(event) || [])]) listener(...args);
      return true;
    }
  }

  class TwilioError extends Error {
    constructor(code, message) {
      super(message);
      this.name = 'TwilioError';
      this.code = code;
    }
  }

  let counter = 0;
  const localSid = (prefix) => prefix + Date.now().toString(16).padStart(16, '0') + String(++counter).padStart(16, '0');

  class Track extends Emitter {
    constructor(kind, mediaStreamTrack, name) {
      super();
      this.kind = kind;
      this.mediaStreamTrack = mediaStreamTrack;
      this.name = name || mediaStreamTrack.id;
      this._elements = new Set();
    }
    attach(element) {
      const el = element || document.createElement(this.kind);
      el.autoplay = true;
      el.playsInline = true;
      el.srcObject = new MediaStream([this.mediaStreamTrack]);
      this._elements.add(el);
      return el;
    }
    detach(element) {
      const elements = element ? [element] : [...this._elements];
      for (const el of elements) {
        el.srcObject = null;
        this._elements.delete(el);
      }
      return element || elements;
    }
  }

  class LocalTrack extends Track {
    constructor(kind, mediaStreamTrack, options) {
      super(kind, mediaStreamTrack, options && options.name);
      if (mediaStreamTrack.kind !== kind) throw new TypeError(`a ${mediaStreamTrack.kind} track given to Local${kind}Track`);
      this.id = mediaStreamTrack.id;
      this.isEnabled = mediaStreamTrack.enabled;
      this.isStopped = false;
      this._acquired = !!(options && options.acquired);
      // One stream per track: its id names the track to the other side (see `names`).
      this._stream = new MediaStream([mediaStreamTrack]);
      this._room = null;
    }
    enable(enabled = true) {
      this.isEnabled = enabled;
      this.mediaStreamTrack.enabled = enabled;
      this.emit(enabled ? 'enabled' : 'disabled', this);
      return this;
    }
    disable() {
      return this.enable(false);
    }
    stop() {
      this.mediaStreamTrack.stop();
      this.isStopped = true;
      this.emit('stopped', this);
      return this;
    }
    /** As in twilio-video, only tracks the SDK acquired can be restarted. */
    async restart(constraints) {
      if (!this._acquired) throw new TypeError('restart can only be called on a LocalTrack created using createLocalTracks');
      const stream = await navigator.mediaDevices.getUserMedia({ [this.kind]: constraints || true });
      const replaced = stream.getTracks()[0];
      this.mediaStreamTrack.stop();
      this.mediaStreamTrack = replaced;
      replaced.enabled = this.isEnabled;
      for (const el of this._elements) el.srcObject = new MediaStream([replaced]);
      if (this._room) this._room._replaceTrack(this, replaced);
    }
  }

  const asConstraints = (value) => (value === undefined || value === true || value === false ? value !== false : Object.keys(value).length ? value : true);

  async function createLocalTracks(request = {}) {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: asConstraints(request.audio), video: asConstraints(request.video) });
    return stream.getTracks().map((track) => new LocalTrack(track.kind, track, { acquired: true }));
  }

  async function createLocalTrack(kind, constraints) {
    const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraints ? asConstraints(constraints) : true });
    return new LocalTrack(kind, stream.getTracks()[0], { acquired: true });
  }

  class LocalParticipant extends Emitter {
    constructor(sid, identity, room) {
      super();
      this.sid = sid;
      this.identity = identity;
      this.networkQualityLevel = null;
      this.state = 'connected';
      this.tracks = new Map();
      this.audioTracks = new Map();
      this.videoTracks = new Map();
      this._room = room;
    }
    _maps(kind) {
      return [this.tracks, kind === 'audio' ? this.audioTracks : this.videoTracks];
    }
    publishTrack(track, options) {
      const local = track instanceof LocalTrack ? track : new LocalTrack(track.kind, track, options);
      const publication = { trackSid: localSid('MT'), trackName: local.name, kind: local.kind, track: local, isTrackEnabled: local.isEnabled };
      for (const map of this._maps(local.kind)) map.set(publication.trackSid, publication);
      local._room = this._room;
      this._room._addTrack(local);
      return Promise.resolve(publication);
    }
    unpublishTrack(track) {
      const publication = [...this.tracks.values()].find((p) => p.track === track || p.track.mediaStreamTrack === track) || null;
      if (!publication) return null;
      for (const map of this._maps(publication.kind)) map.delete(publication.trackSid);
      this._room._removeTrack(publication.track);
      publication.track._room = null;
      return publication;
    }
  }

  class RemoteParticipant extends Emitter {
    constructor(sid, identity) {
      super();
      this.sid = sid;
      this.identity = identity;
      this.state = 'connected';
      this.networkQualityLevel = null;
      this.tracks = new Map();
      this.audioTracks = new Map();
      this.videoTracks = new Map();
    }
  }

  const post = (path, body) => fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), keepalive: true });

  class Room extends Emitter {
    constructor(joined) {
      super();
      this.sid = joined.roomSid;
      this.name = joined.roomName;
      this.state = 'connected';
      this.isRecording = joined.isRecording;
      this.localParticipant = new LocalParticipant(joined.sid, joined.identity, this);
      this.participants = new Map();
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
      for (const publication of this.localParticipant.tracks.values()) names[publication.track._stream.id] = publication.track.name;
      return names;
    }

    _addTrack(track) {
      for (const peer of this._peers.values()) peer.senders.set(track, peer.pc.addTrack(track.mediaStreamTrack, track._stream));
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
      const peer = { pc, participant, senders: new Map(), names: {}, makingOffer: false, ignoreOffer: false, polite: this.localParticipant.sid > participant.sid };
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
      pc.ontrack = ({ track, streams }) => this._subscribed(peer, track, streams[0]);
      for (const publication of this.localParticipant.tracks.values()) {
        peer.senders.set(publication.track, pc.addTrack(publication.track.mediaStreamTrack, publication.track._stream));
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
        const collision = data.description.type === 'offer' && (peer.makingOffer || pc.signalingState !== 'stable');
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

    _subscribed(peer, mediaStreamTrack, stream) {
      const { participant } = peer;
      const track = new Track(mediaStreamTrack.kind, mediaStreamTrack, stream && peer.names[stream.id]);
      track.sid = localSid('MT');
      track.isEnabled = true;
      const publication = { trackSid: track.sid, trackName: track.name, kind: track.kind, isSubscribed: true, isTrackEnabled: true, track };
      participant.tracks.set(track.sid, publication);
      (track.kind === 'audio' ? participant.audioTracks : participant.videoTracks).set(track.sid, publication);
      participant.emit('trackSubscribed', track, publication);
      this.emit('trackSubscribed', track, publication, participant);
      const gone = () => this._unsubscribed(participant, publication);
      if (stream) stream.addEventListener('removetrack', (event) => event.track === mediaStreamTrack && gone());
    }

    _unsubscribed(participant, publication) {
      if (!participant.tracks.delete(publication.trackSid)) return;
      (publication.kind === 'audio' ? participant.audioTracks : participant.videoTracks).delete(publication.trackSid);
      participant.emit('trackUnsubscribed', publication.track, publication);
      this.emit('trackUnsubscribed', publication.track, publication, participant);
    }

    _onEvent(event) {
      if (this.state === 'disconnected') return;
      if (event.type === 'signal') return void this._onSignal(event.from, event.data);
      if (event.type === 'participantConnected') {
        const participant = new RemoteParticipant(event.sid, event.identity);
        this.participants.set(participant.sid, participant);
        this.emit('participantConnected', participant);
        // The newcomer offers (its negotiationneeded); this side answers.
        this._peer(participant);
      } else if (event.type === 'participantDisconnected') {
        const participant = this.participants.get(event.sid);
        if (!participant) return;
        for (const publication of [...participant.tracks.values()]) this._unsubscribed(participant, publication);
        const peer = this._peers.get(event.sid);
        if (peer) peer.pc.close();
        this._peers.delete(event.sid);
        this.participants.delete(event.sid);
        participant.state = 'disconnected';
        this.emit('participantDisconnected', participant);
      } else if (event.type === 'recording') {
        if (this.isRecording === event.on) return;
        this.isRecording = event.on;
        this.emit(event.on ? 'recordingStarted' : 'recordingStopped', this);
      } else if (event.type === 'disconnected') {
        this._end();
        const message = event.code === 53118 ? 'Room completed' : 'Participant disconnected because of duplicate identity';
        this.emit('disconnected', this, new TwilioError(event.code, message));
      }
    }
  }

  async function connect(token, options = {}) {
    const answer = await fetch('/__sandbox/video/connect', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
    const joined = await answer.json();
    if (!answer.ok) throw new TwilioError(joined.code, joined.message);
    const room = new Room(joined);
    for (const track of options.tracks || []) await room.localParticipant.publishTrack(track);
    for (const other of joined.participants) room.participants.set(other.sid, new RemoteParticipant(other.sid, other.identity));
    await new Promise((resolve, reject) => {
      const events = new EventSource(`/__sandbox/video/events?participant=${encodeURIComponent(joined.sid)}`);
      room._events = events;
      events.onopen = () => resolve();
      events.onerror = () => {
        if (room.state === 'connected' && events.readyState === EventSource.CLOSED) reject(new TwilioError(53000, 'Signaling connection error'));
      };
      events.onmessage = (message) => room._onEvent(JSON.parse(message.data));
    });
    // Those already in the room answer this side's offers.
    for (const participant of room.participants.values()) room._peer(participant);
    window.addEventListener('pagehide', () => room.disconnect());
    return room;
  }

  window.Twilio = Object.assign(window.Twilio || {}, {
    Video: {
      version: '2.36.0-sandbox',
      isSupported: typeof RTCPeerConnection === 'function' && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia),
      connect,
      createLocalTracks,
      createLocalAudioTrack: (constraints) => createLocalTrack('audio', constraints),
      createLocalVideoTrack: (constraints) => createLocalTrack('video', constraints),
      LocalAudioTrack: class LocalAudioTrack extends LocalTrack {
        constructor(mediaStreamTrack, options) {
          super('audio', mediaStreamTrack, options);
        }
      },
      LocalVideoTrack: class LocalVideoTrack extends LocalTrack {
        constructor(mediaStreamTrack, options) {
          super('video', mediaStreamTrack, options);
        }
      },
    },
  });
})();
