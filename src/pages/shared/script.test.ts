import { keptUntilFailure } from './script';

test('one load serves every caller until it fails; the call after a failure loads again', async () => {
  const outcomes = [new Error('offline'), 'loaded'];
  let loads = 0;
  const load = keptUntilFailure(() => {
    const outcome = outcomes[loads++];
    return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome);
  });
  const first = load();
  expect(load()).toBe(first);
  await expect(first).rejects.toThrow('offline');
  expect(await load()).toBe('loaded');
  expect(await load()).toBe('loaded');
  expect(loads).toBe(2);
});
