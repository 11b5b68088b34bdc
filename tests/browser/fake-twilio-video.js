/* A stand-in for /join/twilio-video.min.js, served by the browser tests in place of the real
 * SDK (page.route). It replaces only the network edge: local tracks wrap the browser's real
 * getUserMedia (Chromium's fake camera and microphone), or the page's own MediaStreamTracks
 * (`new LocalVideoTrack(track)`), while connecting, other participants and every room event are
 * driven by the test through window.__fakeVideo. It mirrors twilio-video 2.x's public surface as
 * far as the join page uses it, and records what the page asked for. What it shares with the
 * sandbox's stand-in (dev/sandbox/local-video.js) is dev/sandbox/twilio-video-base.js, served in
 * front of it.
 *
 * Options are read from window.__fakeVideoOptions (set with page.addInitScript):
 *   isSupported (default true), participants (identities already in the room), isRecording,
 *   connectErrorCode (connect() rejects with a TwilioError of that code). */
(function () {
  'use strict';

  const options = Object.assign(
    { isSupported: true, participants: [], isRecording: false, connectErrorCode: null },
    window.__fakeVideoOptions,
  );
  const base = window.__twilioVideoBase({
    called: (name) => fake.calls.push(name),
    wrapped: (kind) => fake.wrapped.push(kind),
    stopped: (track) => fake.stoppedTracks.push(track.kind),
    restarted: (track, constraints) => fake.restarts.push({ kind: track.kind, constraints }),
  });
  const { sid, Track, TwilioError } = base;

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

  /** Someone in the room, whose camera (a canvas) and microphone (silence) the page is sent. */
  class RemoteParticipant extends base.RemoteParticipant {
    constructor(identity, withMedia) {
      super(sid('PA'), identity);
      if (withMedia.video)
        this._subscribe(
          new Track('video', agentVideoTrack(identity.startsWith('customer-') ? 'Customer' : 'Agent')),
        );
      if (withMedia.audio) this._subscribe(new Track('audio', agentAudioTrack()));
    }
  }

  /** The agent panel publishes its screen share with a name: names are recorded with the kinds,
   * and the tracks themselves, for endScreenCapture. */
  class LocalParticipant extends base.LocalParticipant {
    publishTrack(track, publishOptions) {
      fake.published.push(track.kind);
      fake.publishedNames.push((publishOptions && publishOptions.name) || null);
      fake.publishedTracks.push(track);
      return super.publishTrack(track, publishOptions);
    }
    unpublishTrack(track) {
      fake.unpublished.push(track.kind);
      return super.unpublishTrack(track);
    }
  }

  class Room extends base.Room {
    constructor(name, tracks) {
      super(sid('RM'), name, options.isRecording, new LocalParticipant(sid('PA'), 'customer-fake'));
      for (const track of tracks) this.localParticipant._publish(track);
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
    publishedNames: [],
    publishedTracks: [],
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
      room._participantConnected(participant);
      setTimeout(() => {
        for (const publication of participant.tracks.values()) room._subscribed(participant, publication);
      }, 20);
    },
    removeParticipant(identity) {
      const room = this._room();
      const participant = [...room.participants.values()].find((p) => p.identity === identity);
      for (const publication of participant.tracks.values()) publication.track.mediaStreamTrack.stop();
      room._participantDisconnected(participant);
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
  // take them from the token, as with the real SDK. Remote participants report network quality.
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
    const test = new base.Emitter();
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
    Video: base.video('2.36.0-fake', connect, { isSupported: options.isSupported, runPreflight }),
  });
})();
