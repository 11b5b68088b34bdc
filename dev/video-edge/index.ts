/** The local Twilio Video edge (see README.md here). Never deployed. */
import type http from 'node:http';
import type { TwilioEmulator } from '../emulator';
import { VideoEdge } from './edge';

export { EDGE_PATH, SDK_VERSION, VideoEdge, type EdgeError } from './edge';
export { CONTROL_PATH, handleEdgeControl } from './control';

/** An edge for the emulator, taking the WebSocket upgrades of `server` for its path (others are
 * refused): the pages reach it on the origin that served them. */
export function attachVideoEdge(
  server: http.Server,
  emulator: TwilioEmulator,
  log?: (line: string) => void,
): VideoEdge {
  const edge = new VideoEdge(emulator, log);
  server.on('upgrade', (req: http.IncomingMessage, socket, head: Buffer) => {
    if (!edge.handleUpgrade(req, socket, head)) socket.destroy();
  });
  server.once('close', () => edge.close());
  return edge;
}
