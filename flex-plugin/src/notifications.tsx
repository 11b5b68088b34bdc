import {
  Notification,
  NotificationBar,
  NotificationContentProps,
  NotificationType,
  Notifications,
} from '@twilio/flex-ui';

import { VideoServiceError } from './complete';

const LIVE_CALL = 'VideoEscalationLiveCall';
const END_FAILED = 'VideoEscalationEndFailed';
const MISCONFIGURED = 'VideoEscalationMisconfigured';

/** The context given to showNotification: Flex types it as a bare object. */
function fields(context: object | undefined): Record<string, unknown> {
  return context ? { ...context } : {};
}

function endLiveCall(_event: unknown, notification: Notification): void {
  Notifications.dismissNotification(notification);
  const { proceed } = fields(notification.context);
  // askToEndLiveCall put it there: the wrap-up to carry on with once the call is ended.
  if (typeof proceed === 'function') (proceed as () => void)();
}

function EndFailed(props: NotificationContentProps) {
  const { reason } = fields(props.notificationContext);
  return <span>The video call could not be ended: {String(reason)}</span>;
}

export function registerNotifications(): void {
  // Stays until the agent answers: ending a live call is theirs to decide. Closing it keeps the
  // task and the call as they are.
  Notifications.registerNotification({
    id: LIVE_CALL,
    type: NotificationType.warning,
    timeout: 0,
    closeButton: true,
    content: 'The video call on this task is still live. Ending the task ends the call for the customer too.',
    actions: [<NotificationBar.Action key="end" label="End the call and the task" onClick={endLiveCall} />],
  });
  Notifications.registerNotification({
    id: END_FAILED,
    type: NotificationType.error,
    timeout: 0,
    closeButton: true,
    content: <EndFailed />,
  });
}

export function askToEndLiveCall(proceed: () => void): void {
  // One question at a time: a second click on "End chat" replaces the first warning.
  Notifications.dismissNotificationById(LIVE_CALL);
  Notifications.showNotification(LIVE_CALL, { proceed });
}

export function reportEndFailure(error: unknown): void {
  const reason = error instanceof VideoServiceError ? `${error.message} (${error.code})` : String(error);
  Notifications.showNotification(END_FAILED, { reason });
}

/** Without a valid service URL the plugin adds nothing; this says why, to the agent and in the console. */
export function reportMisconfiguration(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`Video escalation plugin is not configured: ${reason}`);
  Notifications.registerNotification({
    id: MISCONFIGURED,
    type: NotificationType.error,
    timeout: 0,
    closeButton: true,
    content: `Video calls are unavailable: the plugin is misconfigured (${reason})`,
  });
  Notifications.showNotification(MISCONFIGURED);
}
