import * as FlexPlugin from '@twilio/flex-plugin';

import VideoEscalationPlugin from './VideoEscalationPlugin';

// Hands the plugin class to Flex (Twilio.Flex.Plugins.init), which constructs it and calls init.
FlexPlugin.loadPlugin(VideoEscalationPlugin);
