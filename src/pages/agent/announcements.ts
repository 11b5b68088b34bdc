/** What a screen reader hears about a change of the call, through the polite live region. The
 * screens themselves (a new heading, focused) are not repeated here. */
import { fill, type AgentStrings } from '../shared/strings';
import { participantName } from './labels';
import { inCall, type PanelState } from './panel-state';
import { participantRows } from './participants';

export function announcements(before: PanelState, after: PanelState, text: AgentStrings): string[] {
  const said: string[] = [];
  if (before.phase === 'connected' && after.phase === 'reconnecting')
    said.push(after.self ? text.reconnecting : text.rejoining);
  if (before.phase === 'reconnecting' && after.phase === 'connected') said.push(text.reconnected);
  // Joins and leaves only between two moments in the same room: a (re)connect shows the list anew.
  if (inCall(before.phase) && inCall(after.phase) && before.self && after.self) {
    const rows = (state: PanelState) => participantRows(state.self, state.others);
    const was = new Set(before.others.map((m) => m.sid));
    const is = new Set(after.others.map((m) => m.sid));
    for (const row of rows(after))
      if (!was.has(row.sid) && row.kind !== 'you')
        said.push(fill(text.participantJoined, { name: participantName(row, text) }));
    for (const row of rows(before))
      if (!is.has(row.sid) && row.kind !== 'you')
        said.push(fill(text.participantLeft, { name: participantName(row, text) }));
    if (before.recording !== after.recording)
      said.push(after.recording ? text.recordingStarted : text.recordingStopped);
    if (before.transcription.on !== after.transcription.on)
      said.push(after.transcription.on ? text.transcriptionStarted : text.transcriptionStopped);
  }
  return said;
}
