/* The sandbox console: Flex's part, played locally. It shows the seeded task, the customer's side of
 * its conversation (the bundle's notices as they arrive, links clickable, the customer can write),
 * and embeds the real agent panel with the handshake the Flex plugin uses (src/panel-protocol.ts):
 * ready -> session {token, taskSid}; the panel's state messages are shown as they come. */
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let session = null;
  /** The panel's last state message: the room and who is in it. */
  let call = null;

  /** Text with its URLs as links, built as DOM nodes so no message can inject markup. */
  function linkified(text) {
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
      fragment.append(text.slice(last, match.index));
      const link = document.createElement('a');
      link.href = match[0];
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = match[0];
      fragment.append(link);
      last = match.index + match[0].length;
    }
    fragment.append(text.slice(last));
    return fragment;
  }

  function kindOf(message) {
    try {
      const tag = JSON.parse(message.attributes).videoEscalation;
      return tag && tag.kind ? tag.kind : null;
    } catch {
      return null;
    }
  }

  function show(message) {
    const item = document.createElement('li');
    const kind = kindOf(message);
    item.className = kind ? 'notice' : message.author === 'customer' ? 'customer' : 'agent';
    if (kind) item.dataset.kind = kind;
    const author = document.createElement('span');
    author.className = 'author';
    author.textContent = kind ? `${message.author} · ${kind}` : message.author;
    item.append(author, linkified(message.body || ''));
    // A snapshot the agent took: the picture itself, as the customer's chat shows it.
    for (const media of message.media || []) {
      const picture = document.createElement('img');
      picture.src = `/__sandbox/media/${encodeURIComponent(media.sid)}`;
      picture.alt = 'Picture from the video call';
      picture.className = 'media';
      item.append(picture);
    }
    $('messages').append(item);
    item.scrollIntoView({ block: 'nearest' });
  }

  async function load() {
    session = await (await fetch('/__sandbox/session')).json();
    $('agent').textContent = session.identity;
    $('task').textContent = session.taskSid;
    $('messages').replaceChildren();
    session.messages.forEach(show);
    $('panel-state').textContent = 'waiting for the panel';
    $('practice-link').textContent = 'none';
    $('panel').src = '/agent.html';
  }

  window.addEventListener('message', (event) => {
    if (event.source !== $('panel').contentWindow || event.origin !== location.origin || !session) return;
    const data = event.data || {};
    if (data.type === 'video-escalation:ready') {
      $('panel').contentWindow.postMessage(
        { type: 'video-escalation:session', token: session.token, taskSid: session.taskSid },
        location.origin,
      );
    } else if (data.type === 'video-escalation:practice' && typeof data.joinUrl === 'string') {
      $('practice-link').replaceChildren(linkified(data.joinUrl));
    } else if (data.type === 'video-escalation:state') {
      call = data;
      const who = data.participants.length ? `, in the room: ${data.participants.join(', ')}` : '';
      $('panel-state').textContent = `${data.state}${data.recording ? ', recording' : ''}${who}`;
    }
  });

  const events = new EventSource('/__sandbox/events');
  events.onmessage = (event) => {
    const data = JSON.parse(event.data);
    if (data.type === 'reset') return void load();
    if (data.type === 'message' && session && data.message.conversation_sid === session.conversationSid)
      show(data.message);
  };

  $('compose').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('text').value.trim();
    if (!text) return;
    $('text').value = '';
    await fetch('/__sandbox/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: text }),
    });
  });

  /** Typed speech, sent through the local Video edge as Twilio sends what it recognises: the first
   * half of the words as a partial result, then the whole as the final one. */
  async function say(speaker, text) {
    const prefix = speaker === 'customer' ? 'customer-' : 'agent-';
    const participant = call && call.participants.find((identity) => identity.startsWith(prefix));
    if (!call || !call.roomSid || !participant) return `No ${speaker} is in the call.`;
    const words = text.split(/\s+/);
    const steps = [
      { text: words.slice(0, Math.ceil(words.length / 2)).join(' '), partial: true },
      { text, partial: false },
    ];
    for (const step of steps) {
      const answer = await fetch('/__video-edge/control/say', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ room: call.roomSid, participant, ...step }),
      });
      if (!answer.ok) return `Not said: ${(await answer.json()).error || answer.status}`;
    }
    return `The ${speaker} said: “${text}”`;
  }

  for (const form of [$('say-customer'), $('say-agent')]) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const input = form.querySelector('input');
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      $('speech-status').textContent = await say(form.dataset.speaker, text);
    });
  }
  // Flex has no such button; here the console starts the panel's own practice call (same origin),
  // and shows the trainer's link the panel posts, to open in another tab.
  $('practice').addEventListener('click', () => {
    const button = $('panel').contentDocument?.querySelector('[data-control="practice"]');
    if (button && !button.disabled) button.click();
    else $('practice-link').textContent = 'Open the panel’s setup screen first.';
  });

  $('reset').addEventListener('click', async () => {
    $('panel').src = 'about:blank';
    await fetch('/__sandbox/reset', { method: 'POST' });
  });

  void load();
})();
