import { agentStringsFor } from './strings';

test('the panel has its own catalog, English today', () => {
  expect(agentStringsFor(['fr-FR']).lang).toBe('en');
  expect(agentStringsFor(['en-GB']).text.startCall).toBe('Start video call');
});

test('no panel text is empty and every placeholder is one the panel fills', () => {
  for (const [key, value] of Object.entries(agentStringsFor(['en']).text)) {
    expect([key, value.trim().length > 0]).toEqual([key, true]);
    for (const placeholder of value.match(/\{\w+\}/g) ?? [])
      expect([
        '{seconds}',
        '{kind}',
        '{number}',
        '{level}',
        '{name}',
        '{width}',
        '{height}',
        '{connectMs}',
        '{rttMs}',
        '{jitterMs}',
        '{packetLossPercent}',
        '{summary}',
        '{sentence}',
        '{snrDb}',
        '{kilobytes}',
        '{facing}',
      ]).toContain(placeholder);
  }
});
