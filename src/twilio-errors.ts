/** Twilio's error codes this product reads or, in dev/, produces: one list, so the bundle, both
 * pages, the local Video edge and the tests mean the same thing by each number. Names follow
 * Twilio's own (twilio-video's TwilioError classes and the REST API's error pages). */
export const TWILIO_ERROR = {
  /** The access token's signature or shape is wrong (AccessTokenInvalidError). */
  ACCESS_TOKEN_INVALID: 20101,
  /** The access token expired (AccessTokenExpiredError). */
  ACCESS_TOKEN_EXPIRED: 20104,
  /** The signalling connection failed and could not be re-established (SignalingConnectionError). */
  SIGNALING_CONNECTION_ERROR: 53000,
  /** The signalling connection dropped (SignalingConnectionDisconnectedError). */
  SIGNALING_CONNECTION_DISCONNECTED: 53001,
  /** The signalling connection timed out (SignalingConnectionTimeoutError). */
  SIGNALING_CONNECTION_TIMEOUT: 53002,
  /** The client sent a message the server could not read (SignalingOutgoingMessageInvalidError). */
  SIGNALING_OUTGOING_MESSAGE_INVALID: 53004,
  /** The video server is too busy (SignalingServerBusyError). */
  SIGNALING_SERVER_BUSY: 53006,
  /** No in-progress room by that name or SID, to join or to look up (RoomNotFoundError). */
  ROOM_NOT_FOUND: 53106,
  /** REST: the status asked for is not valid for the room's current status. */
  ROOM_STATUS_INVALID: 53112,
  /** REST: an in-progress room already has that unique name. */
  ROOM_EXISTS: 53113,
  /** The room is completed: joining it fails, and everyone in it is disconnected (RoomCompletedError). */
  ROOM_COMPLETED: 53118,
  /** The participant is no longer known to the server, e.g. on reconnecting (ParticipantNotFoundError). */
  PARTICIPANT_NOT_FOUND: 53204,
  /** Someone else joined with the same identity; sent to the older participant. */
  DUPLICATE_IDENTITY: 53205,
  /** The media server cannot take another track (TrackServerTrackCapacityReachedError). */
  TRACK_SERVER_CAPACITY_REACHED: 53305,
  /** ICE failed and the media connection was lost (MediaConnectionError). */
  MEDIA_CONNECTION_ERROR: 53405,
} as const;

/** Any access-token refusal (20101 to 20107): a fresh token may succeed where this one failed. */
export const ACCESS_TOKEN_REFUSED: ReadonlySet<number> = new Set([
  20101, 20102, 20103, 20104, 20105, 20106, 20107,
]);
