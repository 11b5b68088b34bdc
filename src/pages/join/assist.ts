/** The join page's visual assist (issue 21), a script of its own (/join/assist.js) that the page
 * fetches once the call is connected: the assist channel to the agent's panel. */
import { openAssistChannel } from '../shared/assist-channel';
import { defineAssist } from './assist-script';

defineAssist((call) => openAssistChannel(call.sdk, call.room));
