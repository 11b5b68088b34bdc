/* What the two stand-ins for twilio-video have in common: the sandbox's (local-video.js, real WebRTC
 * between the pages on this machine) and the browser tests' (tests/browser/fake-twilio-video.js,
 * rooms driven by the test). Each is served as one script, this file in front of it
 * (video-stand-in.ts), and builds on `window.__twilioVideoBase(hooks)`: the event emitter, tracks,
 * participants' publications, the room's participant and subscription events, and the Twilio.Video
 * object, as far as the pages use twilio-video 2.x (src/pages/shared/sdk.ts). Only where rooms come
 * from differs. The hooks, all optional, hear what the page asks of the SDK, for the tests' fake to
 * record and for the sandbox to send a restarted track to its peers:
 *   called(name)                  createLocalTracks, createLocalAudioTrack, createLocalVideoTrack
 *   wrapped(kind)                 the page's own track handed to LocalAudioTrack / LocalVideoTrack
 *   stopped(track)                a local track stopped
 *   restarted(track, constraints) a local track the SDK acquired was restarted */
(function () {
  'use strict';

  window.__twilioVideoBase = function (hooks = {}) {
    const hear = (name, ...args) => hooks[name] && hooks[name](...args);

    let counter = 0;
    const sid = (prefix) =>
      prefix + Date.now().toString(16).padStart(16, '0') + String(++counter).padStart(16, '0');

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
        if (mediaStreamTrack.kind !== kind)
          throw new TypeError(`a ${mediaStreamTrack.kind} track given to Local${kind}Track`);
        this.id = mediaStreamTrack.id;
        this.isEnabled = mediaStreamTrack.enabled;
        this.isStopped = false;
        this._acquired = !!(options && options.acquired);
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
        hear('stopped', this);
        this.emit('stopped', this);
        return this;
      }
      /** As in twilio-video, only tracks the SDK acquired can be restarted. */
      async restart(constraints) {
        if (!this._acquired)
          throw new TypeError('restart can only be called on a LocalTrack created using createLocalTracks');
        const stream = await navigator.mediaDevices.getUserMedia({ [this.kind]: constraints || true });
        const replaced = stream.getTracks()[0];
        this.mediaStreamTrack.stop();
        this.mediaStreamTrack = replaced;
        replaced.enabled = this.isEnabled;
        for (const el of this._elements) el.srcObject = new MediaStream([replaced]);
        hear('restarted', this, constraints);
      }
    }

    const asConstraints = (value) =>
      value === undefined || value === true || value === false
        ? value !== false
        : Object.keys(value).length
          ? value
          : true;

    async function createLocalTracks(request = {}) {
      hear('called', 'createLocalTracks');
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: asConstraints(request.audio),
        video: asConstraints(request.video),
      });
      return stream.getTracks().map((track) => new LocalTrack(track.kind, track, { acquired: true }));
    }

    async function createLocalTrack(kind, constraints) {
      hear('called', kind === 'audio' ? 'createLocalAudioTrack' : 'createLocalVideoTrack');
      const stream = await navigator.mediaDevices.getUserMedia({
        [kind]: constraints ? asConstraints(constraints) : true,
      });
      return new LocalTrack(kind, stream.getTracks()[0], { acquired: true });
    }

    /** A participant's publications, all of them and by kind, keyed by track SID. */
    class Participant extends Emitter {
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
      _maps(kind) {
        return [this.tracks, kind === 'audio' ? this.audioTracks : this.videoTracks];
      }
      _add(publication) {
        for (const map of this._maps(publication.kind)) map.set(publication.trackSid, publication);
        return publication;
      }
      /** False when the publication was no longer there. */
      _remove(publication) {
        if (!this.tracks.has(publication.trackSid)) return false;
        for (const map of this._maps(publication.kind)) map.delete(publication.trackSid);
        return true;
      }
    }

    class RemoteParticipant extends Participant {
      /** A track of this participant's, subscribed as it arrives; the room announces it. */
      _subscribe(track) {
        track.sid = sid('MT');
        track.isEnabled = true;
        return this._add({
          trackSid: track.sid,
          trackName: track.name,
          kind: track.kind,
          isSubscribed: true,
          isTrackEnabled: true,
          track,
        });
      }
    }

    /** `_published` and `_unpublished` are for a stand-in whose room sends local tracks somewhere. */
    class LocalParticipant extends Participant {
      /** A track connect() was given: published with the room, as with the real SDK. */
      _publish(track, options) {
        const local = track instanceof LocalTrack ? track : new LocalTrack(track.kind, track, options);
        return this._add({
          trackSid: sid('MT'),
          trackName: local.name,
          kind: local.kind,
          track: local,
          isTrackEnabled: local.isEnabled,
        });
      }
      publishTrack(track, options) {
        const publication = this._publish(track, options);
        this._published(publication);
        return Promise.resolve(publication);
      }
      unpublishTrack(track) {
        const publication =
          [...this.tracks.values()].find((p) => p.track === track || p.track.mediaStreamTrack === track) ||
          null;
        if (!publication) return null;
        this._remove(publication);
        this._unpublished(publication);
        return publication;
      }
      _published() {}
      _unpublished() {}
    }

    class Room extends Emitter {
      constructor(sid, name, isRecording, localParticipant) {
        super();
        this.sid = sid;
        this.name = name;
        this.state = 'connected';
        this.isRecording = isRecording;
        this.localParticipant = localParticipant;
        this.participants = new Map();
      }
      _participantConnected(participant) {
        this.participants.set(participant.sid, participant);
        this.emit('participantConnected', participant);
      }
      _participantDisconnected(participant) {
        for (const publication of [...participant.tracks.values()])
          this._unsubscribed(participant, publication);
        this.participants.delete(participant.sid);
        participant.state = 'disconnected';
        this.emit('participantDisconnected', participant);
      }
      _subscribed(participant, publication) {
        participant.emit('trackSubscribed', publication.track, publication);
        this.emit('trackSubscribed', publication.track, publication, participant);
      }
      _unsubscribed(participant, publication) {
        if (!participant._remove(publication)) return;
        participant.emit('trackUnsubscribed', publication.track, publication);
        this.emit('trackUnsubscribed', publication.track, publication, participant);
      }
    }

    /** Twilio.Video: `connect`, and whatever else the stand-in offers (`extra`). */
    function video(version, connect, extra) {
      // Keyed, so that each class is named as in twilio-video.
      const wrapper = (name, kind) =>
        ({
          [name]: class extends LocalTrack {
            constructor(mediaStreamTrack, options) {
              super(kind, mediaStreamTrack, options);
              hear('wrapped', kind);
            }
          },
        })[name];
      return Object.assign(
        {
          version,
          isSupported:
            typeof RTCPeerConnection === 'function' &&
            !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia),
          connect,
          createLocalTracks,
          createLocalAudioTrack: (constraints) => createLocalTrack('audio', constraints),
          createLocalVideoTrack: (constraints) => createLocalTrack('video', constraints),
          LocalAudioTrack: wrapper('LocalAudioTrack', 'audio'),
          LocalVideoTrack: wrapper('LocalVideoTrack', 'video'),
        },
        extra,
      );
    }

    return { sid, Emitter, TwilioError, Track, LocalTrack, RemoteParticipant, LocalParticipant, Room, video };
  };
})();
