import {
  ClaimRecord,
  Claims,
  CLAIM_LEASE_MS,
  OnceDelivery,
  postAsOwner,
  postClaimingFirst,
  postUnlessFound,
} from './once';
import { OutcomeUnknownError } from './twilio-errors';

/** Claims in a map, with the same create-if-absent and If-Match rules as Sync; each answers at once. */
class MemoryClaims implements Claims {
  readonly docs = new Map<string, { record: ClaimRecord; revision: string }>();
  read(key: string) {
    const doc = this.docs.get(key);
    return Promise.resolve(doc && { record: { ...doc.record }, revision: doc.revision });
  }
  create(key: string, record: ClaimRecord) {
    if (this.docs.has(key)) return Promise.resolve(false);
    this.docs.set(key, { record, revision: '0' });
    return Promise.resolve(true);
  }
  replace(key: string, record: ClaimRecord, revision?: string) {
    const doc = this.docs.get(key);
    if (!doc || (revision !== undefined && revision !== doc.revision)) return Promise.resolve(false);
    this.docs.set(key, { record, revision: String(Number(doc.revision) + 1) });
    return Promise.resolve(true);
  }
}

/** A conversation that stores what is posted; `failNext` makes the next post fail. */
function setup(now = 100_000) {
  const claims = new MemoryClaims();
  const posted: string[] = [];
  let failNext: 'definite' | 'unknown-stored' | 'unknown-lost' | undefined;
  const clock = { now };
  const delivery = (extra: Partial<OnceDelivery> = {}): OnceDelivery => ({
    claims,
    key: 'k',
    find: () => Promise.resolve(posted.length ? { sid: posted[0] } : undefined),
    post: () => {
      const mode = failNext;
      failNext = undefined;
      if (mode === 'definite') return Promise.reject(Object.assign(new Error('400'), { status: 400 }));
      if (mode === 'unknown-lost') return Promise.reject(new OutcomeUnknownError(undefined));
      posted.push(`IM${posted.length}`);
      if (mode === 'unknown-stored') return Promise.reject(new OutcomeUnknownError(undefined));
      return Promise.resolve({ sid: posted[posted.length - 1] });
    },
    now: () => new Date(clock.now),
    ...extra,
  });
  return { claims, posted, clock, delivery, fail: (mode: typeof failNext) => (failNext = mode) };
}

test('the owner posts with no claim at all', async () => {
  const { claims, posted, delivery } = setup();
  await expect(postAsOwner(delivery())).resolves.toEqual({ message: { sid: 'IM0' }, outcome: 'posted' });
  expect(posted).toEqual(['IM0']);
  expect(claims.docs.size).toBe(0);
});

test('others wait while the owner may still be posting, then find its message', async () => {
  const { posted, clock, delivery } = setup();
  const ownerStartedAt = new Date(clock.now);
  await expect(postUnlessFound(delivery(), { startedAt: ownerStartedAt })).resolves.toEqual({
    outcome: 'pending',
  });
  expect(posted).toEqual([]);
  await postAsOwner(delivery());
  await expect(postUnlessFound(delivery(), { startedAt: ownerStartedAt })).resolves.toEqual({
    message: { sid: 'IM0' },
    outcome: 'already-posted',
  });
  expect(posted).toEqual(['IM0']);
});

test('an owner that failed releases its right, and the next caller posts once', async () => {
  const { posted, clock, delivery, fail, claims } = setup();
  const ownerStartedAt = new Date(clock.now);
  fail('definite');
  await expect(postAsOwner(delivery())).rejects.toMatchObject({ status: 400 });
  expect(claims.docs.get('k')?.record.state).toBe('released');
  await expect(postUnlessFound(delivery(), { startedAt: ownerStartedAt })).resolves.toMatchObject({
    message: { sid: 'IM0' },
    outcome: 'posted',
  });
  await expect(postUnlessFound(delivery(), { startedAt: ownerStartedAt })).resolves.toMatchObject({
    outcome: 'already-posted',
  });
  expect(posted).toEqual(['IM0']);
});

test('an owner whose message was stored but unconfirmed finds it and reports it', async () => {
  const { posted, delivery, fail, claims } = setup();
  fail('unknown-stored');
  await expect(postAsOwner(delivery())).resolves.toEqual({ message: { sid: 'IM0' }, outcome: 'posted' });
  expect(posted).toEqual(['IM0']);
  expect(claims.docs.get('k')?.record).toMatchObject({ state: 'done', messageSid: 'IM0' });
});

test('an owner that vanished is replaced once its head start is over', async () => {
  const { posted, clock, delivery } = setup();
  const ownerStartedAt = new Date(clock.now);
  clock.now += CLAIM_LEASE_MS + 1;
  const [a, b] = await Promise.all([
    postUnlessFound(delivery(), { startedAt: ownerStartedAt }),
    postUnlessFound(delivery(), { startedAt: ownerStartedAt }),
  ]);
  expect([a.outcome, b.outcome].sort()).toEqual(['pending', 'posted']);
  expect(posted).toEqual(['IM0']);
});

test('a claim held by a live caller is respected; a stale one is taken over', async () => {
  const { posted, clock, delivery, claims } = setup();
  await claims.create('k', { state: 'claimed', claimedAt: clock.now, claimId: 'other' });
  await expect(postUnlessFound(delivery())).resolves.toEqual({ outcome: 'pending' });
  clock.now += CLAIM_LEASE_MS + 1;
  await expect(postUnlessFound(delivery())).resolves.toMatchObject({ outcome: 'posted' });
  expect(posted).toEqual(['IM0']);
  expect(claims.docs.get('k')?.record).toMatchObject({ state: 'done', messageSid: 'IM0' });
});

test('a claimant whose post is lost releases the claim for the next caller', async () => {
  const { posted, delivery, fail, claims } = setup();
  fail('unknown-lost');
  await expect(postUnlessFound(delivery())).rejects.toBeInstanceOf(OutcomeUnknownError);
  expect(claims.docs.get('k')?.record.state).toBe('released');
  await expect(postUnlessFound(delivery())).resolves.toMatchObject({ outcome: 'posted' });
  expect(posted).toEqual(['IM0']);
});

test('a done record answers even when the message is too old to be found', async () => {
  const { delivery, claims } = setup();
  await claims.create('k', { state: 'done', claimedAt: 0, claimId: 'x', messageSid: 'IM9' });
  await expect(postUnlessFound(delivery())).resolves.toEqual({
    message: { sid: 'IM9' },
    outcome: 'already-posted',
  });
});

test('claiming first, the claim is the first request and a conflict falls back to reading', async () => {
  const { posted, delivery, claims } = setup();
  let finds = 0;
  const plain = delivery();
  const counted = delivery({
    find: () => {
      finds++;
      return plain.find();
    },
  });
  await expect(postClaimingFirst(counted)).resolves.toMatchObject({
    outcome: 'posted',
    message: { sid: 'IM0' },
  });
  expect(finds).toBe(0);
  await expect(postClaimingFirst(counted)).resolves.toEqual({
    message: { sid: 'IM0' },
    outcome: 'already-posted',
  });
  expect(finds).toBe(1);
  expect(posted).toEqual(['IM0']);
  expect(claims.docs.get('k')?.record.state).toBe('done');
});

test('a claim write applied by Twilio but reported lost is recognised as our own', async () => {
  const { posted, delivery, claims } = setup();
  // As after a retried create whose first answer was lost: applied, then 409 on the retry.
  const create = claims.create.bind(claims);
  claims.create = async (key, record) => (await create(key, record), false);
  await expect(postClaimingFirst(delivery())).resolves.toMatchObject({ outcome: 'posted' });
  expect(posted).toEqual(['IM0']);
});

test('claiming first waits for what must come before the post, and releases the claim if it fails', async () => {
  const { posted, delivery, claims } = setup();
  let finishEnding: () => void = () => undefined;
  const ending = new Promise<void>((resolve) => (finishEnding = resolve));
  const delivering = postClaimingFirst(delivery(), ending);
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(claims.docs.get('k')?.record.state).toBe('claimed');
  expect(posted).toEqual([]);
  finishEnding();
  await expect(delivering).resolves.toMatchObject({ outcome: 'posted' });
  expect(posted).toEqual(['IM0']);

  const other = setup();
  const refused = Object.assign(new Error('502'), { status: 502 });
  await expect(postClaimingFirst(other.delivery(), Promise.reject(refused))).rejects.toBe(refused);
  expect(other.posted).toEqual([]);
  expect(other.claims.docs.get('k')?.record.state).toBe('released');
  await expect(postClaimingFirst(other.delivery())).resolves.toMatchObject({ outcome: 'posted' });
  expect(other.posted).toEqual(['IM0']);
});
