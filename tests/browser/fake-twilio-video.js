/* A stand-in for /join/twilio-video.min.js, served by the browser tests in place of the real
 * SDK (page.route). It replaces only the network edge: local tracks wrap the browser's real
 * getUserMedia (Chromium's fake camera and microphone), or the page's own MediaStreamTracks
 * (`new LocalVideoTrack(track)`), while connecting, other participants and every room event are
 * driven by the test through window.__fakeVideo. It mirrors twilio-video 2.x's public surface as
 * far as the join page uses it, and records what the page asked for.
 *
 * Options are read from window.__fakeVideoOptions (set with page.addInitScript):
 *   isSupported (default true), participants (identities already in the room), isRecording,
 *   connectErrorCode (connect() rejects with a TwilioError of that code). */
(function () {
  'use strict';

  const options = Object.assign({ isSupported: true, participants: [], isRecording: false, connectErrorCode: null }, window.__fakeVideoOptions);
  let sidCounter = 0;
  const sid = (prefix) => prefix + String(++sidCounter).padStart(32, '0');

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

  /** Attaching is the same for local and remote tracks: an element playing the track. */
  class MediaTrack extends Emitter {
    constructor(kind, mediaStreamTrack) {
      super();
      this.kind = kind;
      this.mediaStreamTrack = mediaStreamTrack;
      this.name = mediaStreamTrack.id;
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

  class LocalTrack extends MediaTrack {
    constructor(kind, mediaStreamTrack) {
      super(kind, mediaStreamTrack);
      this.id = mediaStreamTrack.id;
      this.isEnabled = true;
      this.isStopped = false;
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
      fake.stoppedTracks.push(this.kind);
      this.emit('stopped', this);
      return this;
    }
    async restart(constraints) {
      const stream = await navigator.mediaDevices.getUserMedia({ [this.kind]: constraints || true });
      this.mediaStreamTrack.stop();
      this.mediaStreamTrack = stream.getTracks()[0];
      this.mediaStreamTrack.enabled = this.isEnabled;
      for (const el of this._elements) el.srcObject = new MediaStream([this.mediaStreamTrack]);
      fake.restarts.push({ kind: this.kind, constraints });
    }
  }

  /** `new Video.LocalAudioTrack(mediaStreamTrack)`: the page's own track handed to the SDK. As in
   * twilio-video, such a track cannot be restarted (only tracks the SDK acquired can). */
  class WrappedLocalTrack extends LocalTrack {
    constructor(kind, mediaStreamTrack) {
      super(kind, mediaStreamTrack);
      if (mediaStreamTrack.kind !== kind) throw new TypeError(`fake twilio-video: a ${mediaStreamTrack.kind} track given to Local${kind}Track`);
      this.isEnabled = mediaStreamTrack.enabled;
      fake.wrapped.push(kind);
    }
    restart() {
      return Promise.reject(new TypeError('restart can only be called on a LocalTrack created using createLocalTracks'));
    }
  }

  const asConstraints = (value) => (value === true || value === false ? value : Object.keys(value).length ? value : true);

  async function createLocalTracks(request) {
    fake.calls.push('createLocalTracks');
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: request.audio === undefined ? true : asConstraints(request.audio),
      video: request.video === undefined ? true : asConstraints(request.video),
    });
    return stream.getTracks().map((track) => new LocalTrack(track.kind, track));
  }

  async function createLocalTrack(kind, constraints) {
    fake.calls.push(kind === 'audio' ? 'createLocalAudioTrack' : 'createLocalVideoTrack');
    const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraints ? asConstraints(constraints) : true });
    return new LocalTrack(kind, stream.getTracks()[0]);
  }

  /** The agent's camera: a moving picture drawn on a canvas, so screenshots show live video. The
   * agent panel's tests see customers through it, labelled as such. */
  function agentVideoTrack(label = 'Agent') {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 360;
    const ctx = canvas.getContext('2d');
    let frame = 0;
    const draw = () => {
      const gradient = ctx.createLinearGradient(0, 0, 640, 360);
      gradient.addColorStop(0, '#1d4e89');
      gradient.addColorStop(1, '#3aa3a3');
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, 640, 360);
      ctx.fillStyle = 'rgba(255,255,255,0.9)';
      ctx.beginPath();
      ctx.arc(320, 150, 60, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillRect(220, 230, 200, 130);
      ctx.font = 'bold 28px sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText(label, 320, 44 + 4 * Math.sin(frame++ / 5));
    };
    draw();
    const timer = setInterval(draw, 100);
    const track = canvas.captureStream(10).getVideoTracks()[0];
    track.addEventListener('ended', () => clearInterval(timer));
    return track;
  }

  function agentAudioTrack() {
    const context = new AudioContext();
    const destination = context.createMediaStreamDestination();
    return destination.stream.getAudioTracks()[0];
  }

  class RemoteParticipant extends Emitter {
    constructor(identity, withMedia) {
      super();
      this.identity = identity;
      this.sid = sid('PA');
      this.state = 'connected';
      this.tracks = new Map();
      this.audioTracks = new Map();
      this.videoTracks = new Map();
      this.networkQualityLevel = null;
      if (withMedia.video) this._publish(new MediaTrack('video', agentVideoTrack(identity.startsWith('customer-') ? 'Customer' : 'Agent')));
      if (withMedia.audio) this._publish(new MediaTrack('audio', agentAudioTrack()));
    }
    _publish(track) {
      track.sid = sid('MT');
      const publication = { trackSid: track.sid, trackName: track.name, kind: track.kind, isSubscribed: true, track };
      this.tracks.set(track.sid, publication);
      (track.kind === 'audio' ? this.audioTracks : this.videoTracks).set(track.sid, publication);
    }
  }

  class LocalParticipant extends Emitter {
    constructor(tracks) {
      super();
      this.identity = 'customer-fake';
      this.sid = sid('PA');
      this.networkQualityLevel = null;
      this.tracks = new Map(tracks.map((track) => [track.name, { track, kind: track.kind }]));
    }
    publishTrack(track) {
      fake.published.push(track.kind);
      const publication = { track, kind: track.kind, trackSid: sid('MT') };
      this.tracks.set(track.name, publication);
      return Promise.resolve(publication);
    }
    unpublishTrack(track) {
      fake.unpublished.push(track.kind);
      const publication = this.tracks.get(track.name) || null;
      this.tracks.delete(track.name);
      return publication;
    }
  }

  class Room extends Emitter {
    constructor(name, tracks) {
      super();
      this.name = name;
      this.sid = sid('RM');
      this.state = 'connected';
      this.isRecording = options.isRecording;
      this.localParticipant = new LocalParticipant(tracks);
      this.participants = new Map();
    }
    disconnect() {
      if (this.state === 'disconnected') return this;
      fake.disconnectedByPage = true;
      this.state = 'disconnected';
      this.emit('disconnected', this);
      return this;
    }
  }

  const fake = {
    options,
    room: null,
    connects: [],
    calls: [],
    published: [],
    unpublished: [],
    restarts: [],
    /** Kinds of the page's own tracks wrapped with LocalAudioTrack / LocalVideoTrack. */
    wrapped: [],
    stoppedTracks: [],
    disconnectedByPage: false,

    /** A participant joins; their tracks are subscribed right after, as with the real SDK. */
    addParticipant(identity, withMedia = { audio: true, video: true }) {
      const room = this._room();
      const participant = new RemoteParticipant(identity, withMedia);
      room.participants.set(participant.sid, participant);
      room.emit('participantConnected', participant);
      setTimeout(() => {
        for (const publication of participant.tracks.values()) {
          participant.emit('trackSubscribed', publication.track, publication);
          room.emit('trackSubscribed', publication.track, publication, participant);
        }
      }, 20);
    },
    removeParticipant(identity) {
      const room = this._room();
      const participant = [...room.participants.values()].find((p) => p.identity === identity);
      for (const publication of participant.tracks.values()) {
        publication.track.mediaStreamTrack.stop();
        participant.emit('trackUnsubscribed', publication.track, publication);
        room.emit('trackUnsubscribed', publication.track, publication, participant);
      }
      room.participants.delete(participant.sid);
      participant.state = 'disconnected';
      room.emit('participantDisconnected', participant);
    },
    startRecording() {
      this._room().isRecording = true;
      this._room().emit('recordingStarted', this._room());
    },
    stopRecording() {
      this._room().isRecording = false;
      this._room().emit('recordingStopped', this._room());
    },
    reconnecting(code = 53001) {
      this._room().state = 'reconnecting';
      this._room().emit('reconnecting', new TwilioError(code, 'Signaling connection disconnected'));
    },
    reconnected() {
      this._room().state = 'connected';
      this._room().emit('reconnected');
    },
    /** Twilio ends the room: 53118 is "Room completed" (the agent ended the session). */
    disconnect(code) {
      const room = this._room();
      room.state = 'disconnected';
      room.emit('disconnected', room, code ? new TwilioError(code, 'Disconnected') : undefined);
    },
    setNetworkQuality(level) {
      const local = this._room().localParticipant;
      local.networkQualityLevel = level;
      local.emit('networkQualityLevelChanged', level, null);
    },
    _room() {
      if (!this.room) throw new Error('fake twilio-video: not connected');
      return this.room;
    },
  };

  async function connectUnnamed(token, connectOptions) {
    const tracks = connectOptions.tracks || [];
    fake.connects.push({
      token,
      name: connectOptions.name,
      trackKinds: tracks.map((t) => t.kind).sort(),
      networkQuality: connectOptions.networkQuality,
      mediaStreamTrackIds: tracks.map((t) => t.mediaStreamTrack.id).sort(),
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    if (options.connectErrorCode) throw new TwilioError(options.connectErrorCode, 'Connect failed');
    const room = new Room(connectOptions.name, tracks);
    for (const identity of options.participants) {
      const participant = new RemoteParticipant(identity, { audio: true, video: true });
      room.participants.set(participant.sid, participant);
    }
    fake.room = room;
    return room;
  }

  // ---- What the agent panel needs on top (kept apart from the join page's surface) ----------
  // The agent's tokens name the participant and the room: the local participant and the room
  // take them from the token, as with the real SDK. A screen share is published with a name, so
  // published track names are recorded; remote participants report network quality.
  fake.publishedNames = [];
  fake.publishedTracks = [];
  const publishUnnamed = LocalParticipant.prototype.publishTrack;
  LocalParticipant.prototype.publishTrack = function (track, publishOptions) {
    fake.publishedNames.push((publishOptions && publishOptions.name) || null);
    fake.publishedTracks.push(track);
    return publishUnnamed.call(this, track);
  };
  /** The browser's own "Stop sharing": the captured track ends by itself. */
  fake.endScreenCapture = function () {
    const capture = this.publishedTracks.filter((track) => track instanceof MediaStreamTrack).at(-1);
    capture.stop();
    capture.dispatchEvent(new Event('ended'));
  };
  const tokenClaims = (token) => {
    try {
      return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    } catch {
      return null;
    }
  };
  /** connect, with the identity and room the token names (the agent panel's tokens carry both). */
  const connect = async function (token, connectOptions) {
    const room = await connectUnnamed(token, connectOptions);
    const claims = tokenClaims(token);
    if (claims && claims.grants) {
      room.localParticipant.identity = claims.grants.identity || room.localParticipant.identity;
      room.sid = (claims.grants.video && claims.grants.video.room) || room.sid;
    }
    return room;
  };
  fake.setRemoteNetworkQuality = function (identity, level) {
    const participant = [...this._room().participants.values()].find((p) => p.identity === identity);
    participant.networkQualityLevel = level;
    participant.emit('networkQualityLevelChanged', level, null);
  };

  // The equipment check's preflight test: options.preflight is 'good' (default), 'poor' or
  // 'unreachable' (signalling never answers, as when Twilio cannot be reached: the panel's own
  // deadline must end it). Tokens it was given are recorded.
  fake.preflights = [];
  const PREFLIGHT_STATS = {
    good: { rtt: 45, jitter: 0.003, packetLoss: 0 },
    poor: { rtt: 520, jitter: 0.09, packetLoss: 9 },
  };
  function runPreflight(token, preflightOptions) {
    const test = new Emitter();
    const run = { token, options: preflightOptions, stopped: false };
    fake.preflights.push(run);
    test.stop = () => {
      run.stopped = true;
    };
    const outcome = options.preflight || 'good';
    if (outcome !== 'unreachable') {
      setTimeout(() => !run.stopped && test.emit('progress', 'connected'), 50);
      setTimeout(() => {
        if (run.stopped) return;
        const stats = PREFLIGHT_STATS[outcome];
        test.emit('completed', {
          networkTiming: { connect: { start: 0, end: 180, duration: 180 } },
          stats: {
            rtt: { average: stats.rtt, min: stats.rtt, max: stats.rtt },
            jitter: { average: stats.jitter, min: 0, max: stats.jitter },
            packetLoss: { average: stats.packetLoss, min: 0, max: stats.packetLoss },
          },
        });
      }, 300);
    }
    return test;
  }

  window.__fakeVideo = fake;
  window.Twilio = Object.assign(window.Twilio || {}, {
    Video: {
      version: '2.36.0-fake',
      isSupported: options.isSupported,
      connect,
      runPreflight,
      createLocalTracks,
      createLocalAudioTrack: (constraints) => createLocalTrack('audio', constraints),
      createLocalVideoTrack: (constraints) => createLocalTrack('video', constraints),
      LocalAudioTrack: class LocalAudioTrack extends WrappedLocalTrack {
        constructor(mediaStreamTrack) {
          super('audio', mediaStreamTrack);
        }
      },
      LocalVideoTrack: class LocalVideoTrack extends WrappedLocalTrack {
        constructor(mediaStreamTrack) {
          super('video', mediaStreamTrack);
        }
      },
    },
  });
})();
