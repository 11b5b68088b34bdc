import type http from 'node:http';
import { ACCOUNT_SID, CHAT_SERVICE_SID, notFound, TwilioError } from '../ids';
import type { Media } from '../state';
import { MediaFile, type Product } from './route';

/**
 * The Media Content Service (mcs.us1.twilio.com), where Conversations keeps a message's files.
 * Twilio publishes no OpenAPI spec for it (twilio-oai has none), so mcsShapeOk checks what its
 * documentation describes: a POST whose body is the file, typed by its Content-Type, to a
 * Conversations service's Media; a GET of a file's record or of its content.
 */

const SERVICE_MEDIA = /^\/v1\/Services\/(IS[0-9a-f]{32})\/Media$/;
const ONE_MEDIA = /^\/v1\/Services\/(IS[0-9a-f]{32})\/Media\/(ME[0-9a-f]{32})(\/Content)?$/;
/** Twilio's Conversations media limit. */
const MAX_MEDIA_BYTES = 5 * 1024 * 1024;

type Shape =
  { ok: true; template: string; pathParams: Record<string, string> } | { ok: false; reason: string };

export function mcsShapeOk(
  method: string,
  path: string,
  headers: http.IncomingHttpHeaders,
  body: Buffer,
): Shape {
  const upload = SERVICE_MEDIA.exec(path);
  if (method === 'POST' && upload) {
    const type = headers['content-type'] ?? '';
    if (!/^[a-z]+\/[a-z0-9.+-]+$/i.test(type) || /form-urlencoded|json/.test(type))
      return {
        ok: false,
        reason: `a media upload is the file with its own Content-Type, not ${type || 'none'}`,
      };
    if (body.length === 0 || body.length > MAX_MEDIA_BYTES)
      return { ok: false, reason: `a media upload of ${body.length} bytes` };
    return { ok: true, template: '/v1/Services/{ServiceSid}/Media', pathParams: { ServiceSid: upload[1] } };
  }
  const one = ONE_MEDIA.exec(path);
  if (method === 'GET' && one) {
    return {
      ok: true,
      template: `/v1/Services/{ServiceSid}/Media/{Sid}${one[3] ?? ''}`,
      pathParams: { ServiceSid: one[1], Sid: one[2] },
    };
  }
  return { ok: false, reason: 'not a Media Content Service request' };
}

const mediaJson = (media: Media) => ({
  sid: media.sid,
  service_sid: media.serviceSid,
  account_sid: ACCOUNT_SID,
  content_type: media.contentType,
  size: media.bytes.length,
  filename: null,
  date_created: media.dateCreated,
  links: {
    content: `/v1/Services/${media.serviceSid}/Media/${media.sid}/Content`,
  },
  url: `https://mcs.us1.twilio.com/v1/Services/${media.serviceSid}/Media/${media.sid}`,
});

function findMedia(serviceSid: string, sid: string, media: Map<string, Media>): Media {
  const found = media.get(sid);
  if (!found || found.serviceSid !== serviceSid) throw notFound('The media');
  return found;
}

export const mcs: Product = {
  subdomain: 'mcs',
  routes: [
    {
      method: 'POST',
      template: '/v1/Services/{ServiceSid}/Media',
      handle: (req) => {
        if (req.pathParams.ServiceSid !== CHAT_SERVICE_SID)
          throw new TwilioError(404, 20404, 'No such Conversations service');
        return [201, mediaJson(req.state.addMedia(String(req.headers['content-type']), req.body))];
      },
    },
    {
      method: 'GET',
      template: '/v1/Services/{ServiceSid}/Media/{Sid}',
      handle: (req) => [
        200,
        mediaJson(findMedia(req.pathParams.ServiceSid, req.pathParams.Sid, req.state.media)),
      ],
    },
    {
      method: 'GET',
      template: '/v1/Services/{ServiceSid}/Media/{Sid}/Content',
      handle: (req) => {
        const media = findMedia(req.pathParams.ServiceSid, req.pathParams.Sid, req.state.media);
        return [200, new MediaFile(media.bytes, media.contentType)];
      },
    },
  ],
};
