import { participantKind, participantRows } from './participants';

const WORKER = `agent-${'0123456789'.repeat(4)}`;
const HASHED = `agent-${'ab12'.repeat(10)}`;
const SUPERVISOR = `supervisor-${'cd34'.repeat(10)}`;
const CUSTOMER = 'customer-AbCd_-0123456789';

test('identities the service issues are agent, supervisor or customer; anything else is unexpected', () => {
  expect(participantKind(WORKER, WORKER)).toBe('you');
  expect(participantKind(WORKER, null)).toBe('agent');
  expect(participantKind(HASHED, WORKER)).toBe('agent');
  expect(participantKind(SUPERVISOR, WORKER)).toBe('supervisor');
  expect(participantKind(SUPERVISOR, SUPERVISOR)).toBe('you');
  expect(participantKind(CUSTOMER, WORKER)).toBe('customer');
  for (const odd of [
    // The form the service issued before identities were opaque.
    `agent-WK${'0123456789abcdef'.repeat(2)}`,
    `supervisor-${'cd34'.repeat(9)}`,
    `supervisor-${'CD34'.repeat(10)}`,
    'customer-short',
    `${CUSTOMER}-Ana`,
    'customer-AbCd+/0123456789',
    'agent-WK123',
    `agent-WK${'g'.repeat(32)}`,
    'Agent-WK0123456789abcdef0123456789abcdef',
    'recorder',
    '',
    ` ${CUSTOMER}`,
  ]) {
    expect([odd, participantKind(odd, WORKER)]).toEqual([odd, 'unexpected']);
  }
});

test('rows: the agent first, then others in join order; numbered only when a kind repeats; the agent cannot be removed', () => {
  const rows = participantRows({ sid: 'PA0', identity: WORKER }, [
    { sid: 'PA1', identity: CUSTOMER },
    { sid: 'PA2', identity: 'intruder' },
  ]);
  expect(rows).toEqual([
    { sid: 'PA0', identity: WORKER, kind: 'you', ordinal: null, removable: false },
    { sid: 'PA1', identity: CUSTOMER, kind: 'customer', ordinal: null, removable: true },
    { sid: 'PA2', identity: 'intruder', kind: 'unexpected', ordinal: null, removable: true },
  ]);

  const twoCustomers = participantRows({ sid: 'PA0', identity: WORKER }, [
    { sid: 'PA1', identity: CUSTOMER },
    { sid: 'PA3', identity: HASHED },
    { sid: 'PA2', identity: 'customer-zzzzzzzzzzzzzzzz' },
  ]);
  expect(twoCustomers.map((row) => [row.kind, row.ordinal])).toEqual([
    ['you', null],
    ['customer', 1],
    ['agent', null],
    ['customer', 2],
  ]);
  expect(participantRows(null, [])).toEqual([]);
});
