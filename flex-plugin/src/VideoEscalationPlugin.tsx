import { FlexPlugin } from '@twilio/flex-plugin';
import * as Flex from '@twilio/flex-ui';

import { completeVideo } from './complete';
import { LiveBadge } from './components/LiveBadge';
import { ReadinessCell } from './components/ReadinessCell';
import { mountPanelDock } from './components/PanelDock';
import { VideoButton } from './components/VideoButton';
import { VideoSlot } from './components/VideoSlot';
import {
  askToEndLiveCall,
  registerNotifications,
  reportEndFailure,
  reportMisconfiguration,
} from './notifications';
import { VideoService, parseServiceUrl } from './service';
import { VIDEO_TAB } from './tabs';
import { createPanelDock } from './panel-dock';
import { compareReadiness } from './readiness';
import { isMessagingTask, showsVideo } from './tasks';
import { createWrapupListeners } from './wrapup';

/** A row of Flex's Teams view (its SupervisorWorkerState, which Flex does not export by name). */
interface TeamsRow {
  worker: Flex.IWorker;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Flex's Actions wait for the promise a listener returns (that is how a before-listener can still
 * hold the action back), but type every listener as returning void: the promise is handed on, typed
 * as Flex types it, not dropped. */
const awaitedByFlex = <A extends unknown[]>(listener: (...args: A) => Promise<void>) =>
  listener as (...args: A) => void;

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

    // The panels (one iframe per task) live outside Flex's layout, so a call survives the agent
    // selecting another task; the dock knows which exist and where each is shown.
    const dock = createPanelDock();
    let tasks: Map<string, Flex.ITask> | undefined;
    const syncHeld = () => {
      const current = manager.store.getState().flex.worker.tasks;
      if (current === tasks) return;
      tasks = current;
      dock.setHeld(current.values());
    };
    manager.store.subscribe(syncHeld);
    syncHeld();
    mountPanelDock({ dock, manager, service });

    // The button and tab: while the agent holds the task, and while a wrapping task's call is
    // still live (its end failed, or is on its way) so the agent can see and leave it.
    const showsVideoFor = ({ task }: { task?: Flex.ITask }) => showsVideo(task, dock.has);

    flex.TaskCanvasHeader.Content.add(<VideoButton key="video-escalation-button" dock={dock} />, {
      if: showsVideoFor,
    });
    flex.TaskCanvasTabs.Content.add(
      <flex.Tab key="video-escalation-tab" uniqueName={VIDEO_TAB} label="Video">
        <VideoSlot dock={dock} />
      </flex.Tab>,
      { if: showsVideoFor },
    );
    flex.TaskListButtons.Content.add(<LiveBadge key="video-escalation-live" dock={dock} />, {
      if: ({ task }: { task?: Flex.ITask }) => task !== undefined && isMessagingTask(task),
    });

    // Supervisors see each agent's last check (verdict and age) in the Teams view: the service keeps
    // it in the worker's attributes, which the view already holds, so the column asks for nothing.
    flex.WorkersDataTable.Content.add(
      <flex.ColumnDefinition
        key="video-readiness"
        header="Video check"
        description="The agent's last equipment and appearance check: its verdict and how long ago"
        content={(row: TeamsRow) => <ReadinessCell attributes={row.worker.attributes} />}
        sortingFn={(a: TeamsRow, b: TeamsRow) => compareReadiness(a.worker.attributes, b.worker.attributes)}
      />,
    );

    const listeners = createWrapupListeners({
      isLive: dock.isLive,
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
    flex.Actions.addListener('afterWrapupTask', awaitedByFlex(listeners.afterWrapupTask));
    flex.Actions.addListener('beforeCompleteTask', awaitedByFlex(listeners.beforeCompleteTask));
  }
}
