/** The Video tab's name among the task canvas tabs. */
export const VIDEO_TAB = 'video-escalation';

/**
 * The component state that holds the task canvas's selected tab. Flex's types do not name it:
 * Flex UI 2.17's own TaskCanvasTabs and TaskInfoPanel select tabs with
 * SetComponentState({ name: 'AgentTaskCanvasTabs', state: { selectedTabName } }).
 */
export const TASK_CANVAS_TABS_STATE = 'AgentTaskCanvasTabs';
