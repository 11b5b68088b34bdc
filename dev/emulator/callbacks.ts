import { createHmac } from 'node:crypto';
import { ACCOUNT_SID, AUTH_TOKEN } from './ids';
import type { EmulatorEvent, EmulatorState } from './state';

/**
 * Twilio's status callbacks: room events to the room's StatusCallback, composition events to the
 * composition's, form-encoded and signed as Twilio signs them, one room's in order (with
 * SequenceNumber). Delivery is off unless asked for: the tests that post callbacks themselves
 * must not receive a second copy from here.
 */

export interface Delivery {
  url: string;
  event: string;
  params: Record<string, string>;
  /** The answer's status; 0 while in flight, -1 when nothing answered. */
  status: number;
}

/** X-Twilio-Signature: HMAC-SHA1 with the auth token over the URL followed by every parameter
 * name and value, sorted by name; base64. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

export class CallbackDelivery {
  enabled = false;
  readonly deliveries: Delivery[] = [];
  private readonly sequence = new Map<string, number>();
  /** Per callback target, the last delivery: the next one waits for it. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly state: EmulatorState,
    private readonly log: (line: string) => void = () => {},
  ) {
    state.onEvent((event) => this.enabled && this.deliver(event));
  }

  /** Resolves when every delivery started so far has been answered. */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private deliver(event: EmulatorEvent): void {
    if (event.type === 'message') return;
    if (event.type === 'room') {
      const { room } = event;
      if (!room.status_callback) return;
      const sequence = this.sequence.get(room.sid) ?? 0;
      this.sequence.set(room.sid, sequence + 1);
      this.enqueue(room.sid, room.status_callback, event.event, {
        AccountSid: ACCOUNT_SID,
        RoomSid: room.sid,
        RoomName: room.unique_name,
        RoomStatus: room.status,
        RoomType: typeof room.type === 'string' ? room.type : 'group',
        StatusCallbackEvent: event.event,
        Timestamp: new Date(this.state.now()).toISOString(),
        SequenceNumber: String(sequence),
        ...event.params,
      });
      return;
    }
    const { composition } = event;
    if (!composition.status_callback) return;
    this.enqueue(composition.sid, composition.status_callback, event.event, {
      AccountSid: ACCOUNT_SID,
      CompositionSid: composition.sid,
      RoomSid: composition.room_sid,
      StatusCallbackEvent: event.event,
      Timestamp: new Date(this.state.now()).toISOString(),
      ...(event.event === 'composition-failed'
        ? { FailedOperation: 'composition', ErrorMessage: 'Composition failed' }
        : {}),
    });
  }

  private enqueue(key: string, url: string, event: string, params: Record<string, string>): void {
    const delivery: Delivery = { url, event, params, status: 0 };
    this.deliveries.push(delivery);
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.post(delivery));
    this.queues.set(key, next);
    this.inFlight.add(next);
    void next.finally(() => this.inFlight.delete(next));
  }

  private async post(delivery: Delivery): Promise<void> {
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': twilioSignature(AUTH_TOKEN, delivery.url, delivery.params),
        },
        body: new URLSearchParams(delivery.params).toString(),
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer();
      delivery.status = response.status;
    } catch {
      delivery.status = -1;
    }
    this.log(
      `callback ${delivery.event} -> ${delivery.url}: ${delivery.status === -1 ? 'no answer' : delivery.status}`,
    );
  }
}
