// Generated from docs/openapi.yaml by scripts/openapi-types.mjs (npm run openapi-types): do not edit.
// The unit suite fails when this file no longer matches the document.
export interface paths {
  '/video/escalate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ensure the task's video room, post the join link into its conversation once, and give the agent a token.
     * @description 1. Ensures one in-progress Video room (`Type=group`) for the task, named
     *        `flex-video-<TaskSid>`, with its status callback set to `/video/callbacks/room-status`.
     *        Repeated and concurrent calls for the same task share that room; `created` is true only
     *        for the call that created it.
     *     2. Posts the invite (a message whose body contains `joinUrl` and whose `Attributes` are
     *        `{"videoEscalation": {"roomSid": "RM...", "kind": "invite"}}`) into the conversation
     *        named by the task's `conversationSid` attribute: exactly one invite per room however
     *        many times or however concurrently escalate is called. `Resend=true` posts one more
     *        link and revokes the room's earlier ones (they then answer `410 invite_revoked`).
     *     3. Answers the room, the link and the agent's token.
     *
     *     The caller's worker must hold an accepted reservation on the task. Under
     *     `VIDEO_AGENT_READINESS=require` the caller's worker must also have a fresh passing check
     *     on record (`/video/readiness`: both the equipment and the appearance check's items measured,
     *     no item a `problem`, within `VIDEO_AGENT_READINESS_HOURS`, the policy text acknowledged
     *     within the same period when there is one), else
     *     `403 readiness_required`, before any room is made.
     */
    post: operations['escalate'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/agent-token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A fresh agent token for the task's in-progress room (re-joining after a reload).
     * @description Same identity as escalate gave the agent. The caller's worker must hold an accepted
     *     reservation on the task. `404 no_room` when the task has no in-progress room.
     */
    post: operations['agentToken'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/agent-call': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The task's call, if it has one, with the agent's token for it (a panel opening on a task).
     * @description What a panel asks when it opens on a task: `call` is the agent's token for the task's
     *     in-progress room, exactly as `/video/agent-token` would answer, or `null` when the task has
     *     none (then the panel offers to start one). Unlike `/video/agent-token`, having no call is
     *     not an error: a browser logs every 4xx answer as a console error, and a task without a call
     *     is the panel's usual first state. The caller's worker must hold an accepted reservation on
     *     the task. An extension of the original contract.
     */
    post: operations['agentCall'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/recording': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start, stop or read the recording of the task's room.
     * @description Records the whole room or nothing, with Video Recording Rules. Each real change posts one
     *     notice into the conversation (`Attributes` kind `recording-started` / `recording-stopped`);
     *     a repeated or concurrent identical change posts nothing more. `status` only reads.
     *     `VIDEO_RECORDING` sets the policy: `on-demand` (default), `always` (recorded from the
     *     start; `stop` is refused), `off` (`start` is refused); refusals are
     *     `403 recording_disabled`, checked before anything else. The caller's worker must hold an
     *     accepted reservation on the task.
     */
    post: operations['recording'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/preflight-token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A token for Twilio Video's preflight test (the agent panel's equipment check).
     * @description For `Video.runPreflight` only: the test fetches TURN credentials with it and loops media
     *     between two local connections, joining no room. Its grant names a fresh room
     *     (`preflight-<uuid>`) and its identity is the same `preflight-<uuid>`, so it can neither
     *     enter the task's room nor pass for the agent or the customer. It lives 5 minutes. The
     *     caller's worker must hold an accepted reservation on the task; the task needs no room.
     *     Each agent gets at most 10 in any minute (counted in Twilio Sync, not in memory); the
     *     11th is `429 rate_limited` with `Retry-After`.
     */
    post: operations['preflightToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End the task's room and tell the customer; safe to repeat.
     * @description Ends the task's room and posts one `session-ended` notice into the conversation per room.
     *     Idempotent: a repeat answers 200 again (and finishes what a failed earlier call left
     *     undone). The caller's worker must hold an accepted or wrapping reservation on the task.
     */
    post: operations['complete'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/recordings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Every room the task has had, with its recordings, compositions and recording failures.
     * @description Newest room first, in pages of at most 4 rooms: `nextCursor`, sent back as `Cursor`, asks
     *     for the next page, so each request makes a bounded number of Twilio requests (the README
     *     states the worst case). Of a task's rooms, the newest 20 completed ones (and the one in
     *     progress) are listed; `truncated` says a cap cut the answer (older rooms beyond those, or a
     *     room's recordings or compositions beyond its page). Only SIDs, statuses and durations:
     *     media URLs are not exposed. The caller's worker must hold an accepted, wrapping or
     *     completed reservation on the task.
     */
    post: operations['recordings'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/transcription': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start, stop or read the live transcription of the task's room.
     * @description Twilio's real-time transcription of every participant, in `VIDEO_TRANSCRIPTION_LANGUAGE`.
     *     Each real change posts one notice into the conversation (`Attributes` kind
     *     `transcription-started` / `transcription-stopped`); a repeated or concurrent identical
     *     change posts nothing more. A `stop` then posts the transcript of what was said since the
     *     start (kind `transcript`, see `/video/transcript`), once. `status` only reads Twilio's
     *     Transcriptions resource. `VIDEO_TRANSCRIPTION` sets the policy: `off` (default: `start` is
     *     refused), `on-demand`, `always` (rooms are transcribed from the start; `stop` is refused);
     *     refusals are `403 transcription_disabled`, checked before anything else. Twilio refusing
     *     transcription is `503 transcription_unavailable`. The caller's worker must hold an
     *     accepted reservation on the task.
     */
    post: operations['transcription'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/transcript': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Keep final transcription results of the task's room, for its transcript.
     * @description Twilio's Transcriptions resource says whether a room is transcribed, never what was said:
     *     the words reach the participants' SDKs only (the room's `transcription` event). The agent's
     *     panel therefore reports each final result here (JSON only: `Results` is an array); the
     *     bundle keeps them in its own Sync service and, when transcription stops or the room ends,
     *     posts them into the conversation as `system` messages (kind `transcript`),
     *     speaker-labelled `Agent` / `Customer`, timed from the room's start, in order, split within
     *     1,600 characters between lines, exactly once. Results are dropped (counted in `dropped`,
     *     never an error) when their participant is neither the agent nor a customer, when they hold
     *     no words, when they repeat one kept already (same participant and `Sequence`), while
     *     transcription is off, once the running transcript was closed (it is being, or has been,
     *     posted), beyond 7,500 characters per transcript, and all of them under
     *     `VIDEO_TRANSCRIPT_DESTINATION=none` (nothing is kept). After the room's end there is no
     *     room in progress: `404 no_room`. The caller's worker must hold an accepted reservation.
     */
    post: operations['transcript'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/remove-participant': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Disconnect a participant of the task's room and revoke the link that admitted it.
     * @description Disconnects `Identity` from the task's in-progress room and revokes the join link that
     *     admitted it (its later joins answer `410 invite_revoked`); a removed customer is told in the
     *     task's chat (`VIDEO_NOTICE_PARTICIPANT_REMOVED`). `removed` is false if nobody of that
     *     identity was connected. The agent's own identity is refused with
     *     `400 invalid_request` (to leave, end the session with `/video/complete`);
     *     `404 no_room` without an in-progress room. The caller's worker must hold an accepted
     *     reservation on the task.
     */
    post: operations['removeParticipant'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/readiness': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report the agent's check result (kept on the worker), or ask whether the agent is ready.
     * @description `Action=report`: the agent panel's check result (`Items`: every item of the check by its
     *     id, equipment and appearance alike, each with its verdict, finding and figures), kept on
     *     the caller's TaskRouter worker as the attribute `videoReadiness` with the service's time,
     *     the worst verdict and an HMAC only the service can make (a record written by hand, copied
     *     from another worker or changed is no record). `PolicyAcknowledged=true` acknowledges
     *     `VIDEO_AGENT_POLICY_TEXT` now; without it an acknowledgement of the same text within the
     *     period is carried over. `Action=status` reads the record. Both answer the readiness now:
     *     a result passes only when it holds every required item (`camera`, `microphone`,
     *     `speakers`, `network`, `appearance-framing`, `appearance-lighting`, `appearance-voice`),
     *     each measured (an item whose finding says it could not be, such as `microphone-missing`
     *     or `appearance-unavailable`, does not pass whatever its verdict) and none a `problem`.
     *     The caller needs a worker to report (`403 forbidden` otherwise); a status without one is
     *     simply not ready.
     */
    post: operations['readiness'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/practice': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A practice call tied to no task (start), a fresh agent token for it (token), or its end (end).
     * @description `Action=start` makes a practice room, `practice-<24 hex>-<slot>` (never a task's
     *     `flex-video-<TaskSid>`), and answers its join link and the agent's token. A trainer opens
     *     the link on the real join page and plays the customer. A practice room has no task, no
     *     conversation and no notices; its recording follows `VIDEO_PRACTICE_RECORDING` (`off` by
     *     default); it ends on its own 30 minutes after it was made (`endsAt`; see the README). Its
     *     link is signed with keys of its own: it admits only to its practice room, and a task's
     *     link never admits to a practice room. Any authenticated Flex user may practise: at most 2
     *     practice rooms at once and 6 starts an hour per user, else `429 rate_limited` with
     *     `Retry-After`. `Action=token` (a reload, a lost connection) and `Action=end` take the
     *     `RoomSid` of one of the caller's own practice rooms in progress; any other room is
     *     `404 no_room`.
     */
    post: operations['practice'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/agent-config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What the agent panel must know before any credential reaches it.
     * @description Which host origins may hand the agent panel a session (`ALLOWED_ORIGINS`), and the
     *     company's recording and camera-background rules, so the panel can show them. Public and
     *     unauthenticated: nothing in it is secret, it takes no parameters and it makes no Twilio
     *     request. Answered to `GET` and `POST` alike.
     */
    get: operations['agentConfig'];
    put?: never;
    /** Same as `GET /video/agent-config`. */
    post: operations['agentConfigByPost'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/join': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The customer's video token, for the room their invite names.
     * @description The token admits to that room only, under an identity that can never equal the agent's.
     *     One link admits one customer identity: every join with the same invite gets the same
     *     identity, whatever `Name` it sends, so a forwarded link can only replace the customer's
     *     connection (visibly), never add a silent extra participant. `401 invalid_invite` for a
     *     tampered or malformed invite, `410 invite_expired` after `VIDEO_INVITE_TTL_SECONDS`
     *     (default 3600), `410 invite_revoked` once a newer link was sent (`Resend`) or the agent
     *     removed this link's participant, `410 session_ended` once the room is no longer in progress.
     *     An expired or malformed invite is refused without any Twilio request.
     *
     *     With `Wait: true` the answer is held while the link keeps admitting: a refusal comes as
     *     soon as a check (every second) finds one, and otherwise the grant comes after 5 s. The join
     *     page's preview asks this way again and again, so an end or a revocation shows at once
     *     without a room connection.
     */
    post: operations['join'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/snapshot-request': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The agent asks for one picture of the customer's camera.
     * @description Writes a server-side record of the request (in the bundle's Sync service: single use,
     *     expiring after 120 s) and answers its `requestId`, which the panel hands to the customer's
     *     page over the call's data track; the customer's page then posts the picture to
     *     `/video/snapshot` with it. `VIDEO_SNAPSHOTS` sets the policy: `off` (default) refuses with
     *     `403 snapshots_disabled`; `ask`, the customer taps Allow for each picture; `on`, no prompt
     *     (the invite said pictures may be taken). The caller's worker must hold an accepted
     *     reservation on the task, whose room must be in progress (`404 no_room`) and whose task must
     *     have a conversation (`409 no_conversation`).
     */
    post: operations['snapshotRequest'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/snapshot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The customer's page posts the picture the agent asked for into the task's conversation.
     * @description Authenticated by the customer's invite (as `/video/join`) and the agent's `RequestId`, which
     *     is consumed: a second post with it is `410 snapshot_request_invalid`, as is an unknown or
     *     expired request or one for another room. The picture is the image's bytes in base64 (JSON
     *     or form), at most 3 MiB (3,145,728 bytes) decoded (`413 image_too_large`): Twilio Functions
     *     take JSON and form bodies only, up to 6 MB, so the page compresses the picture to fit.
     *     `ContentType` must be `image/jpeg` or `image/png` and the bytes must be that type (their
     *     magic bytes are read; `415 unsupported_image`). At most 5 pictures per room in any minute
     *     (`429 rate_limited`). The picture goes to the Media Content Service of the conversation's
     *     service, then into the conversation as one message (`Attributes` kind `snapshot-taken`)
     *     carrying the media and the notice. On any refusal nothing is posted. `VIDEO_SNAPSHOTS=off`
     *     refuses with `403 snapshots_disabled`. Size, type and invite are checked before any Twilio request.
     */
    post: operations['snapshot'];
    delete?: never;
    /** CORS preflight (answered by the Function when deployed, by twilio-run locally). */
    options: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        204: components['responses']['Preflight'];
      };
    };
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/callbacks/room-status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Twilio's room status callback.
     * @description Registered as each room's `StatusCallback`. Duplicate and out-of-order deliveries are
     *     harmless: every event is checked against the room in Twilio first.
     *     - `room-ended`: posts the `session-ended` notice unless one was posted for that room, and
     *       with `VIDEO_COMPOSE=true` requests one composition of the room's recordings (its own
     *       status callback is `/video/callbacks/composition-status`).
     *     - `recording-started`: under `VIDEO_RECORDING=always`, tells the customer once per room.
     *     - `recording-failed`: keeps the failure for `/video/recordings` (`recordingFailures`).
     *     - `participant-connected`: a customer whose link was revoked (Resend, remove-participant)
     *       is disconnected at once, even with a Video token issued before the revocation; a
     *       supervisor's entry (`supervisor-` identity: an admin or supervisor without a reservation on
     *       the task) is told in the chat once per participant (`VIDEO_NOTICE_SUPERVISOR_JOINED`); every
     *       other participant is left alone.
     *     - a practice room's event (`RoomName` `practice-…`): none of the above; the room is ended
     *       if it is 30 minutes old (`handled: practice`).
     *     - anything else is ignored.
     */
    post: operations['roomStatusCallback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/video/callbacks/composition-status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Twilio's composition status callback.
     * @description Registered as the status callback of the compositions the bundle requests. Twilio keeps the
     *     composition's status (read by `/video/recordings`); a `composition-failed` is logged for
     *     the operator. Makes no Twilio request.
     */
    post: operations['compositionStatusCallback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/join.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The customer's join page, the target of every `joinUrl`.
     * @description The invite rides in the fragment (`#invite=...`), which the browser never sends.
     */
    get: operations['joinPage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/agent.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The agent's video panel, embedded by a Flex plugin (or any agent desktop).
     * @description Embedded in an iframe with `allow="camera; microphone; display-capture; autoplay"`, or
     *     opened in its own window. The host hands it credentials with `postMessage`, never in the
     *     URL: the handshake is in the README ("The agent's panel") and typed in src/panel-protocol.ts.
     */
    get: operations['agentPanel'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * @description The Flex user's token (`manager.user.token`), at most 8192 characters. Absent, null, empty
     *     or blank: `401 unauthenticated`; of another type or too long: `400 invalid_request`.
     */
    Token: string;
    /** @description A TaskRouter task SID in the Flex workspace. */
    TaskSid: string;
    /** @description What every agent endpoint takes. Parameters not listed are ignored. */
    AgentTaskParameters: {
      Token: components['schemas']['Token'];
      TaskSid: components['schemas']['TaskSid'];
    };
    EscalateParameters: components['schemas']['AgentTaskParameters'] & {
      /**
       * @description `true` (JSON boolean or the string "true") posts a fresh invite and revokes the
       *     room's earlier links. Default false.
       * @enum {unknown}
       */
      Resend?: true | false | 'true' | 'false';
    };
    RecordingParameters: components['schemas']['AgentTaskParameters'] & {
      /** @enum {string} */
      Action: 'start' | 'stop' | 'status';
    };
    RecordingsParameters: components['schemas']['AgentTaskParameters'] & {
      /** @description The `nextCursor` of the previous page; absent for the first page. */
      Cursor?: string;
    };
    TranscriptionParameters: components['schemas']['AgentTaskParameters'] & {
      /** @enum {string} */
      Action: 'start' | 'stop' | 'status';
    };
    TranscriptParameters: components['schemas']['AgentTaskParameters'] & {
      /** @description Final results only (the SDK's `transcription` events whose `partial_results` is false). */
      Results: {
        /** @description The SDK event's `participant`, the speaker's identity. */
        Participant: components['schemas']['ParticipantIdentity'];
        /** @description The SDK event's `transcription`. */
        Text: string;
        /**
         * Format: date-time
         * @description The SDK event's `timestamp` (ISO 8601).
         */
        Timestamp: string;
        /** @description The SDK event's `sequence_number`. */
        Sequence: number;
      }[];
    };
    RemoveParticipantParameters: components['schemas']['AgentTaskParameters'] & {
      Identity: components['schemas']['ParticipantIdentity'];
    };
    /**
     * @description A participant identity of the task's room, as Twilio allows it: at most 128 bytes of UTF-8
     *     (multi-byte characters count double or more, which JSON Schema's `maxLength` cannot
     *     express: `x-maxBytes`), printable, without `/`, `?`, `#` or `%`.
     */
    ParticipantIdentity: string;
    JoinParameters: {
      /**
       * @description The value after `#invite=` in `joinUrl`. Its format and signature are judged by the
       *     invite check (`401 invalid_invite`); only what cannot be an invite at all (not a
       *     string, empty, longer than 560 characters) is `400 invalid_request`.
       */
      Invite: string;
      /**
       * @description The customer's display name, at most 64 characters (UTF-16 code units). Checked and not
       *     used: one link is one identity.
       */
      Name?: string;
      /**
       * @description Hold the answer while the link keeps admitting: at most 5 s, answered at once when the
       *     session ends or the link is revoked. `true` (JSON boolean or the string "true");
       *     default false.
       * @enum {unknown}
       */
      Wait?: true | false | 'true' | 'false';
    };
    ReadinessParameters:
      | {
          Token: components['schemas']['Token'];
          /** @constant */
          Action: 'status';
        }
      | {
          Token: components['schemas']['Token'];
          /** @constant */
          Action: 'report';
          /** @description Every item of the check by its id (`camera`, `microphone`, `speakers`, `network`, `appearance-…`), at most 16. */
          Items: {
            [key: string]: components['schemas']['ReadinessItem'];
          };
          /** @description The agent acknowledged `VIDEO_AGENT_POLICY_TEXT` at this check. */
          PolicyAcknowledged?: boolean;
        };
    ReadinessItem: {
      /** @enum {string} */
      verdict: 'good' | 'warning' | 'problem';
      finding: string;
      /** @description What was measured, at most 8 numbers. */
      figures?: {
        [key: string]: number;
      };
    };
    PracticeParameters:
      | {
          Token: components['schemas']['Token'];
          /** @constant */
          Action: 'start';
        }
      | {
          Token: components['schemas']['Token'];
          /** @enum {string} */
          Action: 'token' | 'end';
          RoomSid: components['schemas']['RoomSid'];
        };
    SnapshotParameters: {
      Invite: components['schemas']['JoinParameters']['Invite'];
      RequestId: components['schemas']['SnapshotRequestId'];
      /**
       * @description The picture's type, checked against its bytes.
       * @enum {string}
       */
      ContentType: 'image/jpeg' | 'image/png';
      /**
       * @description The picture's bytes in base64 (RFC 4648, with padding), at most 3 MiB decoded: larger is
       *     `413 image_too_large`, not `400`.
       */
      Image: string;
    };
    /** @description The agent's request for one picture (`/video/snapshot-request`), 22 base64url characters. */
    SnapshotRequestId: string;
    /** @description Only what the bundle acts on; Twilio sends more, and those are accepted and ignored. */
    RoomStatusCallbackParameters: {
      RoomSid: components['schemas']['RoomSid'];
      /** @description e.g. `room-ended`, `recording-started`, `recording-failed`; others are ignored. */
      StatusCallbackEvent: string;
      RecordingSid?: string;
      TrackName?: string;
      FailedOperation?: string;
      ErrorMessage?: string;
      /** @description ISO-8601 time of the event. */
      Timestamp?: string;
      ParticipantSid?: string;
      ParticipantIdentity?: string;
      /** @description The room's unique name; a practice room's events are told apart by it. */
      RoomName?: string;
    };
    /** @description Only what the bundle acts on; Twilio sends more, and those are accepted and ignored. */
    CompositionStatusCallbackParameters: {
      CompositionSid: components['schemas']['CompositionSid'];
      /** @description e.g. `composition-failed` (logged); others are ignored. */
      StatusCallbackEvent: string;
      RoomSid?: components['schemas']['RoomSid'];
      FailedOperation?: string;
      ErrorMessage?: string;
    };
    RoomSid: string;
    /** @description A Conversations message SID. */
    MessageSid: string;
    RecordingSid: string;
    CompositionSid: string;
    /** @description The room's unique name, made from its task. */
    RoomName: string;
    /** @description A practice room's unique name (`/video/practice`), never a task's. */
    PracticeRoomName: string;
    /** @description A Twilio Video access token (a signed JWT), bound to one room. */
    AccessToken: string;
    /**
     * Format: date-time
     * @description The token's own expiry (its `exp`), ISO-8601.
     */
    ExpiresAt: string;
    /** @description The Flex user's participant identity, opaque (an HMAC of the worker, or the Flex identity, and the room under the bundle's key), the same for every token of that user and role in that room, different in every room. `agent-` for the caller holding a reservation on the task; `supervisor-` for an admin or supervisor without one, whom the customer's page and chat name as a supervisor. */
    AgentIdentity: string;
    /** @description The customer's participant identity, one per join link. */
    CustomerIdentity: string;
    /**
     * @description How a once-only message fared in this call: `posted` (by this call), `already-posted`
     *     (found, posted earlier), `pending` (another call may still be posting it).
     * @enum {string}
     */
    DeliveryOutcome: 'posted' | 'already-posted' | 'pending';
    /** Format: date-time */
    Timestamp: string;
    /** @description Every failure's body. `code` is enumerated per response. */
    Error: {
      error: {
        /** @enum {string} */
        code:
          | 'invalid_request'
          | 'unauthenticated'
          | 'invalid_invite'
          | 'forbidden'
          | 'invalid_signature'
          | 'recording_disabled'
          | 'transcription_disabled'
          | 'readiness_required'
          | 'snapshots_disabled'
          | 'task_not_found'
          | 'no_room'
          | 'no_conversation'
          | 'invite_expired'
          | 'invite_revoked'
          | 'session_ended'
          | 'snapshot_request_invalid'
          | 'image_too_large'
          | 'unsupported_image'
          | 'rate_limited'
          | 'upstream_error'
          | 'upstream_unavailable'
          | 'transcription_unavailable'
          | 'misconfigured';
        /** @description One sentence for a human; never a stack trace, a secret or HTML. */
        message: string;
      };
    };
    AgentToken: {
      token: components['schemas']['AccessToken'];
      identity: components['schemas']['AgentIdentity'];
      roomName: components['schemas']['RoomName'];
      expiresAt: components['schemas']['ExpiresAt'];
    };
    Escalation: {
      roomSid: components['schemas']['RoomSid'];
      roomName: components['schemas']['RoomName'];
      /**
       * @description The hosted join page of this service with the invite in the fragment. A `GET` of it
       *     answers 200 with the page.
       */
      joinUrl: string;
      /** @description True only for the call that created the room. */
      created: boolean;
      /** @description The invite message; null while another call is still posting it (`inviteStatus` `pending`). */
      messageSid: components['schemas']['MessageSid'] | null;
      inviteStatus: components['schemas']['DeliveryOutcome'];
      agent: components['schemas']['AgentToken'];
    };
    AgentCall: {
      /** @description The agent's token for the task's in-progress room; null when the task has none. */
      call: components['schemas']['AgentRoomToken'] | null;
    };
    AgentRoomToken: {
      token: components['schemas']['AccessToken'];
      identity: components['schemas']['AgentIdentity'];
      roomName: components['schemas']['RoomName'];
      roomSid: components['schemas']['RoomSid'];
      expiresAt: components['schemas']['ExpiresAt'];
    };
    Readiness: {
      /**
       * @description `VIDEO_AGENT_READINESS`.
       * @enum {string}
       */
      rule: 'off' | 'advise' | 'require';
      /** @description `VIDEO_AGENT_READINESS_HOURS`: how long a passing check holds. */
      hours: number;
      /** @description When the service received the last check on record; null when there is none. */
      checkedAt: string | null;
      /** @description The last check's worst verdict; null when there is none. */
      verdict: ('good' | 'warning' | 'problem') | null;
      /** @description The required items the last check lacks or could not measure (all of them when there is no check); empty when it covered them all. */
      missingItems: string[];
      /** @description A passing check (every required item measured, none a `problem`) within `hours`, with the policy text (if any) acknowledged within the period. */
      ready: boolean;
      /** @description Until when `ready` holds; null when it does not. */
      readyUntil: string | null;
      /** @description No policy text is set, or it was acknowledged within the period. */
      policyAcknowledged: boolean;
    };
    PracticeCall: {
      roomSid: components['schemas']['RoomSid'];
      roomName: components['schemas']['PracticeRoomName'];
      /** @description The join page with the practice link in the fragment; it admits to this practice room only, until `endsAt`. */
      joinUrl: string;
      /**
       * Format: date-time
       * @description When the practice room ends on its own (30 minutes after it was made).
       */
      endsAt: string;
      /**
       * @description `VIDEO_PRACTICE_RECORDING`.
       * @enum {string}
       */
      recording: 'off' | 'always';
      agent: components['schemas']['PracticeAgentToken'];
    };
    /** @description The agent's token for a practice room; it lapses when the practice ends. */
    PracticeAgentToken: {
      token: components['schemas']['AccessToken'];
      identity: components['schemas']['AgentIdentity'];
      roomName: components['schemas']['PracticeRoomName'];
      roomSid: components['schemas']['RoomSid'];
      expiresAt: components['schemas']['ExpiresAt'];
    };
    PracticeEnd: {
      /** @constant */
      completed: true;
      roomSid: components['schemas']['RoomSid'];
    };
    PreflightToken: {
      token: components['schemas']['AccessToken'];
      /** @description Unique to one test; shares no prefix with the call's participants. */
      identity: string;
      /** @description The only room the token names, unique to one test; no call uses it. */
      roomName: string;
      expiresAt: components['schemas']['ExpiresAt'];
    };
    CustomerToken: {
      token: components['schemas']['AccessToken'];
      identity: components['schemas']['CustomerIdentity'];
      /** @description The task's room (`RoomName`); for a practice link, the practice room (`PracticeRoomName`). */
      roomName: string;
      expiresAt: components['schemas']['ExpiresAt'];
      transcription?: components['schemas']['TranscriptionDisclosure'];
      /**
       * @description `VIDEO_SNAPSHOTS`, for the join page: under `ask` it asks the customer before each
       *     picture. Always sent; optional so that a page reads an older deployment.
       * @enum {string}
       */
      snapshots?: 'off' | 'ask' | 'on';
    };
    /**
     * @description What the join page tells the customer about transcription: under `always`, a sentence
     *     before Join; while `active`, a badge (its later changes reach the page as the chat's
     *     notices and the SDK's `transcription` events). Always sent; optional in this document so
     *     that a page still reads an older deployment's answer.
     */
    TranscriptionDisclosure: {
      /**
       * @description `VIDEO_TRANSCRIPTION`.
       * @enum {string}
       */
      policy: 'off' | 'on-demand' | 'always';
      /** @description Whether the room is transcribed now (always true under `always`, false under `off`). */
      active: boolean;
    };
    SnapshotRequest: {
      requestId: components['schemas']['SnapshotRequestId'];
      roomSid: components['schemas']['RoomSid'];
      /**
       * Format: date-time
       * @description When the request can no longer be used.
       */
      expiresAt: string;
      /**
       * @description `VIDEO_SNAPSHOTS`: `ask` (the customer taps Allow) or `on`.
       * @enum {string}
       */
      policy: 'ask' | 'on';
    };
    Snapshot: {
      messageSid: components['schemas']['MessageSid'];
      /** @description The picture's Media Content Service SID. */
      mediaSid: string;
      /** @description The picture's size as posted. */
      bytes: number;
    };
    RecordingState: {
      /** @description Whether the room's Recording Rules record anything now. */
      recording: boolean;
      roomSid: components['schemas']['RoomSid'];
    };
    TranscriptionState: {
      /** @description Whether Twilio's Transcriptions resource of the room is running now. */
      transcribing: boolean;
      roomSid: components['schemas']['RoomSid'];
    };
    TranscriptReport: {
      roomSid: components['schemas']['RoomSid'];
      kept: number;
      dropped: number;
    };
    Completion: {
      /** @constant */
      completed: true;
      roomSid: components['schemas']['RoomSid'] | null;
    };
    ParticipantRemoval: {
      /** @description False if nobody of that identity was connected. */
      removed: boolean;
      roomSid: components['schemas']['RoomSid'];
      identity: components['schemas']['ParticipantIdentity'];
    };
    RecordingsListing: {
      rooms: components['schemas']['RoomRecordings'][];
      /** @description Send it as `Cursor` for the next page; null on the last page. */
      nextCursor: string | null;
      /**
       * @description A cap cut the answer: the task has older rooms than the 20 completed rooms listed (on
       *     the last page), or a room of this page has more recordings (100) or compositions (20)
       *     than are listed.
       */
      truncated: boolean;
    };
    RoomRecordings: {
      roomSid: components['schemas']['RoomSid'];
      /**
       * @description Only in-progress and completed rooms are listed.
       * @enum {string}
       */
      status: 'in-progress' | 'completed';
      startedAt: components['schemas']['Timestamp'];
      endedAt: components['schemas']['Timestamp'] | null;
      /** @description Newest first, at most 100. */
      recordings: {
        sid: components['schemas']['RecordingSid'];
        /**
         * @description Twilio's recording type.
         * @enum {string}
         */
        kind: 'audio' | 'video' | 'data';
        durationSeconds: number | null;
        /**
         * @description Twilio's recording status.
         * @enum {string}
         */
        status: 'processing' | 'completed' | 'deleted' | 'failed';
      }[];
      /** @description Newest first, at most 20. */
      compositions: {
        sid: components['schemas']['CompositionSid'];
        /**
         * @description Twilio's composition status.
         * @enum {string}
         */
        status: 'enqueued' | 'processing' | 'completed' | 'deleted' | 'failed';
        /** @description Null until the composition is completed. */
        durationSeconds: number | null;
      }[];
      /** @description What Twilio's `recording-failed` callbacks reported for the room, oldest first, at most 40. */
      recordingFailures: {
        recordingSid: components['schemas']['RecordingSid'] | null;
        trackName: string | null;
        reason: string;
        /** @description Twilio's time of the event when it sent a valid one, else when the callback arrived. */
        failedAt: components['schemas']['Timestamp'];
      }[];
    };
    AgentConfig: {
      /** @description The origins that may hand the agent panel a session (`ALLOWED_ORIGINS`). */
      allowedOrigins: string[];
      /**
       * @description `VIDEO_RECORDING`.
       * @enum {string}
       */
      recordingPolicy: 'on-demand' | 'always' | 'off';
      /**
       * @description `VIDEO_TRANSCRIPTION` (always sent; optional so that a panel reads an older deployment).
       * @enum {string}
       */
      transcriptionPolicy?: 'off' | 'on-demand' | 'always';
      /**
       * @description `VIDEO_TRANSCRIPT_DESTINATION`: where the final results go (`none`: captions only).
       * @enum {string}
       */
      transcriptDestination?: 'conversation' | 'none';
      /** @description The readiness rule, for the panel to show (always sent; optional so that a panel reads an older deployment). */
      readiness?: {
        /**
         * @description `VIDEO_AGENT_READINESS`.
         * @enum {string}
         */
        rule: 'off' | 'advise' | 'require';
        /** @description `VIDEO_AGENT_READINESS_HOURS`. */
        hours: number;
        /** @description `VIDEO_AGENT_POLICY_TEXT`, shown at the check; null when unset. */
        policyText: string | null;
      };
      /**
       * @description `VIDEO_SNAPSHOTS` (always sent; optional so that a panel reads an older deployment): `off` shows no Take picture button.
       * @enum {string}
       */
      snapshotsPolicy?: 'off' | 'ask' | 'on';
      /**
       * @description `VIDEO_AGENT_BACKGROUND`: the rule for the agent's camera background.
       * @enum {string}
       */
      agentBackground: 'none' | 'blur' | 'image';
      /** @description `VIDEO_AGENT_BACKGROUND_IMAGE`, a path of this service's assets, when `agentBackground` is `image`; else null. */
      agentBackgroundImage: string | null;
    };
    /** @description What the bundle did with a room status callback, told apart by `handled`. */
    RoomEventOutcome:
      | {
          /**
           * @description Not an event the bundle acts on, or no longer true of the room (e.g. a late `room-ended` for a room still in progress, a room not of this bundle).
           * @constant
           */
          handled: 'ignored';
        }
      | {
          /** @constant */
          handled: 'room-ended';
          /**
           * @description The session-ended notice; `no-conversation` when the task has none, `undeliverable` when the conversation is gone.
           * @enum {string}
           */
          notice: 'posted' | 'already-posted' | 'pending' | 'no-conversation' | 'undeliverable';
          /**
           * @description The room's composition; `off` without `VIDEO_COMPOSE=true`.
           * @enum {string}
           */
          composition: 'posted' | 'already-posted' | 'pending' | 'no-recordings' | 'off' | 'failed';
          /**
           * @description The transcript of the transcription still running (or whose stop could not post it); `empty` when nothing was kept, `off` under `VIDEO_TRANSCRIPT_DESTINATION=none`, `undeliverable` when the conversation is gone.
           * @enum {string}
           */
          transcript: 'posted' | 'already-posted' | 'pending' | 'empty' | 'off' | 'undeliverable';
        }
      | {
          /** @constant */
          handled: 'recording-started';
          recording: boolean;
        }
      | {
          /** @constant */
          handled: 'recording-failed';
          /**
           * @description `duplicate` for a redelivered failure.
           * @enum {string}
           */
          stored: 'recorded' | 'duplicate';
        }
      | {
          /**
           * @description A customer connected; `disconnected` when their link was revoked and they were disconnected. Under `VIDEO_TRANSCRIPTION=always`, anyone connecting; `transcribing` whether the room is transcribed (its started notice posted once).
           * @constant
           */
          handled: 'participant-connected';
          disconnected: boolean;
          transcribing?: boolean;
        }
      | {
          /**
           * @description An event of a practice room, which does none of a customer call's work; `ended` when it found the room 30 minutes old and ended it.
           * @constant
           */
          handled: 'practice';
          ended: boolean;
        }
      | {
          /**
           * @description A supervisor entered the room; `notice` is what became of the chat's notice of it.
           * @constant
           */
          handled: 'supervisor-connected';
          /** @enum {string} */
          notice: 'posted' | 'already-posted' | 'pending' | 'no-conversation' | 'undeliverable';
        };
    CompositionEventOutcome: {
      /**
       * @description `logged` for `composition-failed`; anything else is `ignored`.
       * @enum {string}
       */
      handled: 'logged' | 'ignored';
    };
  };
  responses: {
    /**
     * @description CORS preflight: any request carrying `Access-Control-Request-Method` is answered with no
     *     body and no Twilio request. For an allowed `Origin` it carries
     *     `Access-Control-Allow-Origin` (that origin), `Access-Control-Allow-Methods: POST, OPTIONS`,
     *     `Access-Control-Allow-Headers: Content-Type` and `Access-Control-Max-Age: 600`.
     */
    Preflight: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        'Access-Control-Allow-Methods'?: 'POST, OPTIONS';
        'Access-Control-Allow-Headers'?: 'Content-Type';
        'Access-Control-Max-Age'?: 600;
        Vary: components['headers']['Vary'];
        [name: string]: unknown;
      };
      content?: never;
    };
    /** @description The agent panel's configuration. */
    AgentConfig: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        Vary: components['headers']['Vary'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AgentConfig'];
      };
    };
    /** @description A parameter is missing, malformed, of the wrong type, or too long (or, on `/video/remove-participant`, is the agent's own identity). */
    InvalidRequest: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The Flex `Token` is absent, null, empty or blank, or Twilio did not accept it. */
    Unauthenticated: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The invite is tampered with, malformed, or signed with a key the service no longer holds. */
    InvalidInvite: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The caller's worker does not hold the task (in the statuses the operation names), and the caller is neither admin nor supervisor. */
    Forbidden: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The caller does not hold the task (`forbidden`), or `VIDEO_RECORDING` refuses the action (`recording_disabled`). */
    ForbiddenOrRecordingDisabled: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The caller does not hold the task (`forbidden`), or `VIDEO_TRANSCRIPTION` refuses the action (`transcription_disabled`). */
    ForbiddenOrTranscriptionDisabled: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The caller does not hold the task (`forbidden`), or `VIDEO_AGENT_READINESS=require` and the caller has no fresh passing check with the policy acknowledged (`readiness_required`). */
    ForbiddenOrNotReady: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The `RoomSid` is not one of the caller's practice rooms in progress (whether it exists or not). */
    NoPracticeRoom: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No valid `X-Twilio-Signature` for the URL the bundle registered. */
    InvalidSignature: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No such task in the Flex workspace. */
    TaskNotFound: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No such task (`task_not_found`), or no in-progress room for it (`no_room`). */
    TaskOrRoomNotFound: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /**
     * @description The task is not a messaging task (no `conversationSid` attribute), or its conversation no
     *     longer exists when a notice is posted.
     */
    NoConversation: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /**
     * @description The invite has expired (`invite_expired`), was replaced by a newer link or its participant
     *     was removed (`invite_revoked`), or its video session has ended (`session_ended`).
     */
    InviteGone: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The caller does not hold the task (`forbidden`), or `VIDEO_SNAPSHOTS` is `off` (`snapshots_disabled`). */
    ForbiddenOrSnapshotsDisabled: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description `VIDEO_SNAPSHOTS` is `off`. */
    SnapshotsDisabled: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /**
     * @description The invite has expired, was revoked, or its session has ended; or the agent's request is
     *     unknown, expired, already used or for another room (`snapshot_request_invalid`).
     */
    InviteOrSnapshotRequestGone: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The picture is over 3 MiB decoded. */
    ImageTooLarge: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description `ContentType` is not `image/jpeg` or `image/png`, or the bytes are not of that type. */
    UnsupportedImage: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The bundle is misconfigured; the message names the variable, never its value. */
    Misconfigured: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Twilio failed after bounded retries (or refused the service's credentials). */
    UpstreamError: {
      headers: {
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description This caller asked too often; safe to repeat after `Retry-After` seconds. */
    RateLimited: {
      headers: {
        'Retry-After': components['headers']['Retry-After'];
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /**
     * @description Twilio throttled, was unavailable or did not answer in time after bounded retries, or a
     *     concurrent change kept winning; the outcome of a non-idempotent request may be unknown.
     *     Safe to repeat after `Retry-After` seconds.
     */
    UpstreamUnavailable: {
      headers: {
        'Retry-After': components['headers']['Retry-After'];
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /**
     * @description Twilio throttled or was unavailable (`upstream_unavailable`), or refused live transcription
     *     for the room (`transcription_unavailable`): a region without it, or a rate limit (then with
     *     `Retry-After`). The message says so in plain words; the call itself goes on.
     */
    TranscriptionUnavailable: {
      headers: {
        /** @description Seconds to wait before trying again; absent when Twilio refused the room outright (a retry would not help). */
        'Retry-After'?: number;
        'Server-Timing': components['headers']['Server-Timing'];
        'Cache-Control': components['headers']['Cache-Control'];
        'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: never;
  requestBodies: {
    AgentTask: {
      content: {
        'application/json': components['schemas']['AgentTaskParameters'];
        'application/x-www-form-urlencoded': components['schemas']['AgentTaskParameters'];
      };
    };
  };
  headers: {
    /** @description The Function's own duration in milliseconds, for operators and for the 10 s budget. */
    'Server-Timing': string;
    /** @description Answers carry tokens and are never cached. */
    'Cache-Control': string;
    /** @description Seconds to wait before trying again. */
    'Retry-After': number;
    /**
     * @description The request's `Origin`, echoed only when it is allowed: an origin of `ALLOWED_ORIGINS` for
     *     agent endpoints; also the join links' origin for `/video/join`. Absent otherwise.
     */
    'Access-Control-Allow-Origin': string;
    /** @description Answers of browser-facing endpoints depend on `Origin`. */
    Vary: string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  escalate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EscalateParameters'];
        'application/x-www-form-urlencoded': components['schemas']['EscalateParameters'];
      };
    };
    responses: {
      /** @description The task's room, its join link and the agent's token. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Escalation'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['ForbiddenOrNotReady'];
      404: components['responses']['TaskNotFound'];
      409: components['responses']['NoConversation'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  agentToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: components['requestBodies']['AgentTask'];
    responses: {
      /** @description The agent's token for the task's room. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgentRoomToken'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['TaskOrRoomNotFound'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  agentCall: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: components['requestBodies']['AgentTask'];
    responses: {
      /** @description The task's call, or none. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgentCall'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['TaskNotFound'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  recording: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordingParameters'];
        'application/x-www-form-urlencoded': components['schemas']['RecordingParameters'];
      };
    };
    responses: {
      /** @description Whether the room records now. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordingState'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['ForbiddenOrRecordingDisabled'];
      404: components['responses']['TaskOrRoomNotFound'];
      409: components['responses']['NoConversation'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  preflightToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: components['requestBodies']['AgentTask'];
    responses: {
      /** @description The preflight token. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreflightToken'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['TaskNotFound'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  complete: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: components['requestBodies']['AgentTask'];
    responses: {
      /** @description The room is ended (`roomSid` null if the task never had a room). */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Completion'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['TaskNotFound'];
      409: components['responses']['NoConversation'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  recordings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordingsParameters'];
        'application/x-www-form-urlencoded': components['schemas']['RecordingsParameters'];
      };
    };
    responses: {
      /** @description The task's rooms, newest first. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordingsListing'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['TaskNotFound'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  transcription: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TranscriptionParameters'];
        'application/x-www-form-urlencoded': components['schemas']['TranscriptionParameters'];
      };
    };
    responses: {
      /** @description Whether Twilio transcribes the room now. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TranscriptionState'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['ForbiddenOrTranscriptionDisabled'];
      404: components['responses']['TaskOrRoomNotFound'];
      409: components['responses']['NoConversation'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['TranscriptionUnavailable'];
    };
  };
  transcript: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TranscriptParameters'];
      };
    };
    responses: {
      /** @description How many of the results were kept. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TranscriptReport'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['TaskOrRoomNotFound'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  removeParticipant: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RemoveParticipantParameters'];
        'application/x-www-form-urlencoded': components['schemas']['RemoveParticipantParameters'];
      };
    };
    responses: {
      /** @description The participant is no longer in the room and its link no longer admits anyone. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ParticipantRemoval'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      404: components['responses']['TaskOrRoomNotFound'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  readiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReadinessParameters'];
      };
    };
    responses: {
      /** @description The caller's readiness. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['Forbidden'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  practice: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PracticeParameters'];
        'application/x-www-form-urlencoded': components['schemas']['PracticeParameters'];
      };
    };
    responses: {
      /** @description The practice call (`start`), the agent's token (`token`) or its end (`end`). */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | components['schemas']['PracticeCall']
            | components['schemas']['PracticeAgentToken']
            | components['schemas']['PracticeEnd'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      404: components['responses']['NoPracticeRoom'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  agentConfig: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['AgentConfig'];
      204: components['responses']['Preflight'];
      500: components['responses']['Misconfigured'];
    };
  };
  agentConfigByPost: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['AgentConfig'];
      204: components['responses']['Preflight'];
      500: components['responses']['Misconfigured'];
    };
  };
  join: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['JoinParameters'];
        'application/x-www-form-urlencoded': components['schemas']['JoinParameters'];
      };
    };
    responses: {
      /** @description The customer's token. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerToken'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['InvalidInvite'];
      410: components['responses']['InviteGone'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  snapshotRequest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: components['requestBodies']['AgentTask'];
    responses: {
      /** @description The request, for the customer's page. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SnapshotRequest'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['Unauthenticated'];
      403: components['responses']['ForbiddenOrSnapshotsDisabled'];
      404: components['responses']['TaskOrRoomNotFound'];
      409: components['responses']['NoConversation'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  snapshot: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SnapshotParameters'];
        'application/x-www-form-urlencoded': components['schemas']['SnapshotParameters'];
      };
    };
    responses: {
      /** @description The picture, posted. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          'Access-Control-Allow-Origin': components['headers']['Access-Control-Allow-Origin'];
          Vary: components['headers']['Vary'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Snapshot'];
        };
      };
      204: components['responses']['Preflight'];
      400: components['responses']['InvalidRequest'];
      401: components['responses']['InvalidInvite'];
      403: components['responses']['SnapshotsDisabled'];
      409: components['responses']['NoConversation'];
      410: components['responses']['InviteOrSnapshotRequestGone'];
      413: components['responses']['ImageTooLarge'];
      415: components['responses']['UnsupportedImage'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  roomStatusCallback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['RoomStatusCallbackParameters'];
      };
    };
    responses: {
      /** @description What the bundle did with the event. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoomEventOutcome'];
        };
      };
      400: components['responses']['InvalidRequest'];
      403: components['responses']['InvalidSignature'];
      500: components['responses']['Misconfigured'];
      502: components['responses']['UpstreamError'];
      503: components['responses']['UpstreamUnavailable'];
    };
  };
  compositionStatusCallback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['CompositionStatusCallbackParameters'];
      };
    };
    responses: {
      /** @description What the bundle did with the event. */
      200: {
        headers: {
          'Server-Timing': components['headers']['Server-Timing'];
          'Cache-Control': components['headers']['Cache-Control'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompositionEventOutcome'];
        };
      };
      400: components['responses']['InvalidRequest'];
      403: components['responses']['InvalidSignature'];
      500: components['responses']['Misconfigured'];
    };
  };
  joinPage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The page. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': unknown;
        };
      };
    };
  };
  agentPanel: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The page. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': unknown;
        };
      };
    };
  };
}
