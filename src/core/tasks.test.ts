import { conversationOf } from './tasks';

const CH = `CH${'a'.repeat(32)}`;

test.each([
  [JSON.stringify({ conversationSid: CH }), CH],
  [JSON.stringify({ conversationSid: 'CH123' }), undefined],
  [JSON.stringify({ conversationSid: 7 }), undefined],
  [JSON.stringify({ conversations: { conversation_id: CH } }), undefined],
  ['not json', undefined],
  ['null', undefined],
  ['[]', undefined],
])('conversationOf(%s) is %p', (attributes, expected) => {
  expect(conversationOf(attributes)).toBe(expected);
});
