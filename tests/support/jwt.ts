import { z } from 'zod';

/**
 * The claims of a Twilio Video access token (a JWT) as the bundle issues them, checked as they
 * are read: a token of another shape fails here, naming what is wrong, rather than in an assertion
 * on `undefined`. Unknown claims are kept (loose objects), so that a test comparing `grants` whole
 * still sees anything extra.
 */
const VideoTokenClaims = z.looseObject({
  jti: z.string(),
  /** The API key that signed it. */
  iss: z.string(),
  /** The account. */
  sub: z.string(),
  iat: z.number(),
  exp: z.number(),
  grants: z.looseObject({
    identity: z.string(),
    video: z.looseObject({ room: z.string() }).optional(),
  }),
});

export type VideoTokenClaims = z.infer<typeof VideoTokenClaims>;

/** A token's claims, for the tests to assert on (the signature is not checked: Twilio does that). */
export function decodeJwt(token: string): VideoTokenClaims {
  return VideoTokenClaims.parse(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')));
}
