import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../twilio-run';

/** The script served in place of /join/twilio-video.min.js by a stand-in for twilio-video (the
 * sandbox's local-video.js, the browser tests' fake-twilio-video.js): the page loads one script,
 * so the stand-ins' shared base goes in front of `file`. Read on every call, so an edited file is
 * served as it now is. */
export function videoStandIn(file: string): string {
  return `${fs.readFileSync(path.join(ROOT, 'dev', 'sandbox', 'twilio-video-base.js'), 'utf8')}\n${fs.readFileSync(file, 'utf8')}`;
}
