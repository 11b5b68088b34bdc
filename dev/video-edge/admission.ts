import { createHmac, timingSafeEqual } from 'node:crypto';
import { TWILIO_ERROR } from '../../src/twilio-errors';
import { API_KEY, API_SECRET } from '../emulator';

/** Who a Video access token admits, as Twilio checks it: signed (HS256) with the secret of the
 * emulator's API key, not expired, with an identity; the room comes from the token's grant or,
 * without one, from the name the SDK asks for. */
export type Admission =
  { ok: true; identity: string; room: string } | { ok: false; code: number; message: string };

interface Claims {
  iss?: unknown;
  exp?: unknown;
  grants?: { identity?: unknown; video?: { room?: unknown } };
}

const refused = (code: number, message: string): Admission => ({ ok: false, code, message });

function signedClaims(token: string): Claims | null {
  const [header, payload, signature, extra] = token.split('.');
  if (!header || !payload || !signature || extra !== undefined) return null;
  const expected = createHmac('sha256', API_SECRET).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? claims : null;
  } catch {
    return null;
  }
}

export function admit(token: unknown, roomName: unknown, now = Date.now()): Admission {
  const claims = typeof token === 'string' ? signedClaims(token) : null;
  const identity = claims?.grants?.identity;
  if (!claims || claims.iss !== API_KEY || typeof identity !== 'string' || !identity)
    return refused(TWILIO_ERROR.ACCESS_TOKEN_INVALID, 'Invalid Access Token');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now)
    return refused(TWILIO_ERROR.ACCESS_TOKEN_EXPIRED, 'Access Token expired or expiration date invalid');
  const granted = claims.grants?.video?.room;
  const room = typeof granted === 'string' && granted ? granted : roomName;
  if (typeof room !== 'string' || !room) return refused(TWILIO_ERROR.ROOM_NOT_FOUND, 'Room not found');
  return { ok: true, identity, room };
}
