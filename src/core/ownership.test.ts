import { thrownBy } from '../../tests/support/expect';
import { assertMayActOnTask } from './ownership';

const WK = `WK${'1'.repeat(32)}`;
const OTHER = `WK${'2'.repeat(32)}`;

test('the worker with an accepted reservation may act', () => {
  expect(() =>
    assertMayActOnTask(
      { identity: 'a', workerSid: WK, roles: ['agent'] },
      [{ workerSid: WK, status: 'accepted' }],
      ['accepted'],
    ),
  ).not.toThrow();
});

test.each([
  ['another worker holds it', [{ workerSid: OTHER, status: 'accepted' as const }]],
  ['the reservation is only pending', [{ workerSid: WK, status: 'pending' as const }]],
  ['there is no reservation', []],
])('forbidden when %s', (_why, reservations) => {
  expect(
    thrownBy(() =>
      assertMayActOnTask({ identity: 'a', workerSid: WK, roles: ['agent'] }, reservations, ['accepted']),
    ),
  ).toMatchObject({ code: 'forbidden', status: 403 });
});

test('a user without a worker is forbidden even if a reservation has no worker', () => {
  expect(
    thrownBy(() =>
      assertMayActOnTask(
        { identity: 'a', roles: [] },
        [{ workerSid: undefined as unknown as string, status: 'accepted' }],
        ['accepted'],
      ),
    ),
  ).toMatchObject({
    code: 'forbidden',
  });
});

test.each(['admin', 'supervisor'])('%s may act on any task', (role) => {
  expect(() => assertMayActOnTask({ identity: 'a', roles: [role] }, [], ['accepted'])).not.toThrow();
});
