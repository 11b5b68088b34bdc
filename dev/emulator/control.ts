import type http from 'node:http';
import type { TwilioEmulator } from './emulator';
import type { Fault } from './faults';
import type { EmulatorEvent } from './state';

/**
 * The control surface, for scripts, tests and the sandbox: what a Twilio console or a real
 * customer would do, and what a test wants to break. JSON in, JSON out.
 *
 *   GET    /__emulator/state                          everything held, the violations, the callbacks delivered
 *   GET    /__emulator/events                         the same changes as Server-Sent Events, as they happen
 *   POST   /__emulator/tasks                          seed a task {identity?, messages?: [{author, body}]}
 *   POST   /__emulator/conversations/{CH}/messages    a chat participant writes {author, body}
 *   POST   /__emulator/rooms/{RM}/participants        someone connects {identity}
 *   DELETE /__emulator/rooms/{RM}/participants/{identity}  they leave
 *   POST   /__emulator/rooms/{RM}/end                 the room ends (as when it empties)
 *   POST   /__emulator/recordings/{RT}/fail           a track recording fails
 *   POST   /__emulator/compositions/{CJ}/finish       {outcome: available | failed}
 *   POST   /__emulator/clock                          {advanceMs}: time passes (MaxParticipantDuration, empty rooms end)
 *   POST   /__emulator/faults                         {path (a RegExp source), method?, times?, status?, twilioCode?, delayMs?, afterApplying?, drop?}
 *   DELETE /__emulator/faults                         clears faults and latency
 */
export const CONTROL_PREFIX = '/__emulator/';

type Body = Record<string, unknown>;
type Answer = [number, unknown];

const str = (body: Body, name: string): string => {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new ControlError(`${name} is required`);
  return value;
};

class ControlError extends Error {}

function snapshot(emulator: TwilioEmulator) {
  return {
    rooms: emulator.rooms.map((room) => ({ ...room, recording: emulator.isRecording(room.sid) })),
    participants: emulator.participants,
    recordings: emulator.recordings,
    compositions: emulator.compositions,
    transcriptions: emulator.transcriptions,
    conversations: Object.fromEntries(emulator.conversations),
    tasks: [...emulator.tasks.values()].map((task) => ({
      ...task,
      reservations: emulator.reservations.get(task.sid) ?? [],
    })),
    documents: [...emulator.documents.values()],
    violations: emulator.violations,
    callbacks: emulator.callbacks.deliveries,
  };
}

/** An event as the stream carries it: what changed, and the room's state after it. */
function streamed(emulator: TwilioEmulator, event: EmulatorEvent): unknown {
  if (event.type === 'message') return event;
  if (event.type === 'composition')
    return { type: event.type, event: event.event, composition: event.composition };
  const { room } = event;
  return {
    type: 'room',
    event: event.event,
    params: event.params,
    room: {
      sid: room.sid,
      uniqueName: room.unique_name,
      status: room.status,
      recording: emulator.isRecording(room.sid),
      participants: emulator.connectedIdentities(room.sid),
    },
  };
}

function route(emulator: TwilioEmulator, method: string, parts: string[], body: Body): Answer {
  const [first, id, action, extra] = parts;
  const at = `${method} ${first}${action ? `/${action}` : ''}`;
  switch (at) {
    case 'GET state':
      return [200, snapshot(emulator)];
    case 'POST tasks': {
      const seeded = emulator.seedTask({
        identity: typeof body.identity === 'string' ? body.identity : undefined,
      });
      for (const message of Array.isArray(body.messages) ? (body.messages as Body[]) : []) {
        emulator.postAsParticipant(seeded.conversationSid, {
          author: str(message, 'author'),
          body: str(message, 'body'),
        });
      }
      return [201, seeded];
    }
    case 'POST conversations/messages':
      if (!emulator.conversations.has(id)) return [404, { error: 'no such conversation' }];
      return [201, emulator.postAsParticipant(id, { author: str(body, 'author'), body: str(body, 'body') })];
    case 'POST rooms/participants': {
      const room = emulator.room(id);
      if (room?.status !== 'in-progress') return [404, { error: 'no such room in progress' }];
      return [201, emulator.addParticipant(room.sid, str(body, 'identity'))];
    }
    case 'DELETE rooms/participants': {
      const identity = decodeURIComponent(extra ?? '');
      const found = emulator.participants.find(
        (p) => p.room_sid === id && p.identity === identity && p.status === 'connected',
      );
      if (!found) return [404, { error: 'no such participant connected' }];
      emulator.disconnect(found);
      return [200, found];
    }
    case 'POST rooms/end':
      if (!emulator.room(id)) return [404, { error: 'no such room' }];
      emulator.endRoom(id);
      return [200, emulator.room(id)];
    case 'POST recordings/fail':
      emulator.failRecording(id, typeof body.reason === 'string' ? body.reason : undefined);
      return [200, emulator.recordings.find((r) => r.sid === id) ?? null];
    case 'POST compositions/finish':
      emulator.finishComposition(id, body.outcome === 'failed' ? 'failed' : 'available');
      return [200, emulator.compositions.find((c) => c.sid === id) ?? null];
    case 'POST clock': {
      const advanceMs = body.advanceMs;
      if (typeof advanceMs !== 'number' || !(advanceMs >= 0))
        throw new ControlError('advanceMs must be a number ≥ 0');
      emulator.advanceClock(advanceMs);
      return [200, { now: new Date(emulator.now()).toISOString() }];
    }
    case 'POST faults': {
      const fault: Fault = {
        ...(body as Partial<Fault>),
        path: new RegExp(str(body, 'path')),
        times: typeof body.times === 'number' ? body.times : Infinity,
      };
      emulator.faults.push(fault);
      return [201, { faults: emulator.faults.length }];
    }
    case 'DELETE faults':
      emulator.clearFaults();
      return [200, { faults: 0 }];
    default:
      return [404, { error: `no control ${method} /__emulator/${parts.join('/')}` }];
  }
}

export function handleControl(
  emulator: TwilioEmulator,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  raw: string,
): void {
  const parts = url.pathname.slice(CONTROL_PREFIX.length).split('/').filter(Boolean);
  if (req.method === 'GET' && parts.join('/') === 'events') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    res.write(": the emulator's changes, one event each\n\n");
    const stop = emulator.onEvent((event) =>
      res.write(`data: ${JSON.stringify(streamed(emulator, event))}\n\n`),
    );
    req.once('close', stop);
    return;
  }
  let answer: Answer;
  try {
    answer = route(emulator, req.method ?? 'GET', parts, raw ? (JSON.parse(raw) as Body) : {});
  } catch (err) {
    answer = [
      400,
      { error: err instanceof ControlError || err instanceof SyntaxError ? err.message : String(err) },
    ];
  }
  res.writeHead(answer[0], { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(answer[1]));
}
