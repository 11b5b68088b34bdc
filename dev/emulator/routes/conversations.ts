import { ACCOUNT_SID, CHAT_SERVICE_SID, iso, TwilioError } from '../ids';
import { formValue as f, page, type Product } from './route';

const noConversation = () => new TwilioError(404, 20404, 'Conversation not found');

export const conversations: Product = {
  subdomain: 'conversations',
  routes: [
    {
      method: 'POST',
      template: '/v1/Conversations/{ConversationSid}/Messages',
      handle: (req) => {
        const sid = req.pathParams.ConversationSid;
        if (!req.state.conversations.has(sid)) throw noConversation();
        const body = f(req, 'Body') ?? null;
        if (body && body.length > 1600) throw new TwilioError(400, 50004, 'Body too long');
        const mediaSid = f(req, 'MediaSid');
        const media = mediaSid ? req.state.media.get(mediaSid) : undefined;
        // Twilio attaches only a file of the conversation's own service.
        if (mediaSid && media?.serviceSid !== CHAT_SERVICE_SID)
          throw new TwilioError(400, 50511, 'Media not found');
        if (!body && !media) throw new TwilioError(400, 50511, 'Body or MediaSid is required');
        const attributes = f(req, 'Attributes') ?? '{}';
        try {
          JSON.parse(attributes);
        } catch {
          throw new TwilioError(400, 50210, 'Attributes must be valid JSON');
        }
        return [201, req.state.postMessage(sid, body, attributes, f(req, 'Author') ?? 'system', media)];
      },
    },
    {
      method: 'GET',
      template: '/v1/Conversations/{Sid}',
      handle: (req) => {
        const sid = req.pathParams.Sid;
        if (!req.state.conversations.has(sid)) throw noConversation();
        return [
          200,
          {
            account_sid: ACCOUNT_SID,
            chat_service_sid: CHAT_SERVICE_SID,
            messaging_service_sid: null,
            sid,
            friendly_name: null,
            unique_name: null,
            attributes: '{}',
            state: 'active',
            date_created: iso(),
            date_updated: iso(),
            timers: {},
            url: `https://conversations.twilio.com/v1/Conversations/${sid}`,
            links: {},
            bindings: null,
          },
        ];
      },
    },
    {
      method: 'GET',
      template: '/v1/Conversations/{ConversationSid}/Messages',
      handle: (req) => {
        const sid = req.pathParams.ConversationSid;
        const list = req.state.conversations.get(sid);
        if (!list) throw noConversation();
        const items = req.query.get('Order') === 'desc' ? [...list].reverse() : [...list];
        return [
          200,
          page('messages', items, req, `https://conversations.twilio.com/v1/Conversations/${sid}/Messages`),
        ];
      },
    },
  ],
};
