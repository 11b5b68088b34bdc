import { TwilioError } from '../ids';
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
        const attributes = f(req, 'Attributes') ?? '{}';
        try {
          JSON.parse(attributes);
        } catch {
          throw new TwilioError(400, 50210, 'Attributes must be valid JSON');
        }
        return [201, req.state.postMessage(sid, body, attributes, f(req, 'Author') ?? 'system')];
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
