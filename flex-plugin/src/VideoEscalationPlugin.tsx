import { FlexPlugin } from '@twilio/flex-plugin';
import * as Flex from '@twilio/flex-ui';

import { createCallStates } from './call-states';
import { completeVideo } from './complete';
import { VideoButton } from './components/VideoButton';
import { VideoTab } from './components/VideoTab';
import { askToEndLiveCall, registerNotifications, reportEndFailure, reportMisconfiguration } from './notifications';
import { VideoService, parseServiceUrl } from './service';
import { VIDEO_TAB } from './tabs';
import { offersVideo } from './tasks';
import { createWrapupListeners } from './wrapup';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export default class VideoEscalationPlugin extends FlexPlugin {
  constructor() {
    super('VideoEscalationPlugin');
  }

  init(flex: typeof Flex, manager: Flex.Manager): void {
    let service: VideoService;
    try {
      // Replaced at build time by the toolchain (FLEX_APP_* variables, from the environment or .env).
      service = parseServiceUrl(process.env.FLEX_APP_VIDEO_SERVICE_URL);
    } catch (error) {
      reportMisconfiguration(error);
      return;
    }
    registerNotifications();
    const callStates = createCallStates();
    const showsVideo = (props: { task?: Flex.ITask }) => offersVideo(props.task);

    flex.TaskCanvasHeader.Content.add(<VideoButton key="video-escalation-button" />, { if: showsVideo });
    flex.TaskCanvasTabs.Content.add(
      <flex.Tab key="video-escalation-tab" uniqueName={VIDEO_TAB} label="Video">
        <VideoTab manager={manager} service={service} callStates={callStates} />
      </flex.Tab>,
      { if: showsVideo },
    );

    const listeners = createWrapupListeners({
      isLive: callStates.isLive,
      askToEnd: (_task, proceed) => askToEndLiveCall(proceed),
      invoke: (action, payload) => void flex.Actions.invokeAction(action, payload),
      endVideo: (task) =>
        completeVideo(
          service,
          { token: manager.user.token, taskSid: task.taskSid },
          { fetch: window.fetch.bind(window), wait },
        ),
      reportEndFailure: (_task, error) => reportEndFailure(error),
    });
    flex.Actions.addListener('beforeWrapupTask', listeners.beforeWrapupTask);
    flex.Actions.addListener('afterWrapupTask', listeners.afterWrapupTask);
    flex.Actions.addListener('beforeCompleteTask', listeners.beforeCompleteTask);
  }
}
