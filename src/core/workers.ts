import type { Twilio } from 'twilio';
import type TwilioResponse from 'twilio/lib/http/response';
import { AppError } from './errors';
import { twilioFailure } from './twilio-errors';

/** A TaskRouter worker's attributes as Twilio holds them, with the ETag a write must match. */
export interface WorkerAttributes {
  attributes: Readonly<Record<string, unknown>>;
  etag: string | undefined;
}

const workerUri = (workspaceSid: string, workerSid: string) =>
  `https://taskrouter.twilio.com/v1/Workspaces/${workspaceSid}/Workers/${workerSid}`;

function parseObject(text: unknown): Record<string, unknown> {
  try {
    const parsed: unknown = typeof text === 'string' ? JSON.parse(text) : text;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * The worker's attributes and their ETag. The helper library's Worker resource drops the ETag
 * header, which a write needs (If-Match) so that it never overwrites attributes someone else
 * changed in the meantime (skills, routing data): so this one read goes through `request`, the
 * same client with the same deadline and retries. Undefined for a worker that does not exist.
 */
export async function readWorkerAttributes(
  client: Twilio,
  workspaceSid: string,
  workerSid: string,
): Promise<WorkerAttributes | undefined> {
  const response = (await client.request({
    method: 'get',
    uri: workerUri(workspaceSid, workerSid),
  })) as TwilioResponse<unknown>;
  if (response.statusCode === 404) return undefined;
  if (response.statusCode >= 300)
    throw Object.assign(new Error('worker read failed'), { status: response.statusCode });
  const headers = response.headers as Record<string, string | string[] | undefined> | undefined;
  const etag = headers?.etag;
  return {
    attributes: parseObject(parseObject(response.body).attributes),
    etag: Array.isArray(etag) ? etag[0] : etag,
  };
}

/** Rounds of read, change and conditional write before giving up: each lost round is someone
 * else's write to the same worker within one round trip, which is rare. */
const WRITE_ROUNDS = 3;

/**
 * Sets one top-level attribute of the worker, leaving every other untouched: a read, then a
 * write conditional on the ETag read (`If-Match`; Twilio answers 412 to a stale one), repeated
 * while someone else's write wins. False when the worker does not exist; throws when the writes
 * kept losing.
 */
export async function setWorkerAttribute(
  client: Twilio,
  workspaceSid: string,
  workerSid: string,
  name: string,
  change: (current: unknown) => unknown,
): Promise<boolean> {
  for (let round = 0; round < WRITE_ROUNDS; round++) {
    const worker = await readWorkerAttributes(client, workspaceSid, workerSid);
    if (!worker) return false;
    const attributes = { ...worker.attributes, [name]: change(worker.attributes[name]) };
    try {
      await client.taskrouter.v1
        .workspaces(workspaceSid)
        .workers(workerSid)
        .update({ attributes: JSON.stringify(attributes), ...(worker.etag && { ifMatch: worker.etag }) });
      return true;
    } catch (err) {
      if (twilioFailure(err)?.status !== 412) throw err;
    }
  }
  throw new AppError('upstream_unavailable', "The worker's attributes kept changing; try again.", 1);
}
