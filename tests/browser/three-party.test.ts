import { escalated } from '../support/escalated';
import { useStack } from '../support/use-stack';
import {
  customerJoins,
  openPanelOnTask,
  panelScreen,
  panelShot,
  panelVideoPlaying,
  useFlexHost,
  type HostedPanel,
} from './agent-host';
import { eventually, hasText, screenshot, useBrowserContext, waitForVideoPlaying } from './harness';

/** A third participant joins a call in progress: a Flex supervisor opens the same agent panel on
 * the task they do not hold. Three real pages on the real SDK through the local Video edge (the
 * agent's panel, the customer's join page, the supervisor's panel), each showing the others. */

const { flex, env } = useFlexHost();
const stack = useStack({ env });
const context = useBrowserContext({}, { viewport: { width: 1280, height: 900 } });
/** Three pages each running the SDK and the fake camera: about twice the work of a two-page test. */
const THREE_PAGES_MS = 180_000;

/** The panel's participant list: each row's kind and label. */
const panelRows = (hosted: HostedPanel) =>
  hosted.panel
    .locator('.participant')
    .evaluateAll((items) =>
      items.map((item) => [
        item.getAttribute('data-kind'),
        item.querySelector('.participant-name')!.textContent,
      ]),
    );

test(
  'a supervisor joins a call in progress: all three pages show the others',
  async () => {
    const task = await escalated(stack);
    const agentPanel = await openPanelOnTask(context, flex, stack.baseUrl, task);
    await panelScreen(agentPanel, 'waiting').waitFor();
    const customer = await customerJoins(context, task.joinUrl);
    await panelScreen(agentPanel, 'live').waitFor();
    await waitForVideoPlaying(customer.page, '.agent-video');

    const lead = stack.fake.addFlexUser({ identity: 'lead@example.com', roles: ['supervisor'] });
    const supervisorPanel = await openPanelOnTask(context, flex, stack.baseUrl, {
      token: lead,
      taskSid: task.taskSid,
    });
    await panelScreen(supervisorPanel, 'live').waitFor();

    // The Video room holds all three, the supervisor under a supervisor's identity.
    await eventually(
      () =>
        stack.fake
          .connectedIdentities(task.roomSid)
          .map((identity) => identity.replace(/-.*/, ''))
          .sort(),
      ['agent', 'customer', 'supervisor'],
    );

    // The customer's page lists and names everyone; the agent still fills the main video.
    await hasText(customer.page.locator('.people'), 'In this call (3): You, Agent, Supervisor');
    await waitForVideoPlaying(customer.page, '.agent-video');

    // The agent's panel lists the supervisor; the supervisor's lists the agent and the customer, and
    // shows the customer's video.
    await eventually(
      () => panelRows(agentPanel),
      [
        ['you', 'You'],
        ['customer', 'Customer'],
        ['supervisor', 'Supervisor'],
      ],
    );
    await eventually(
      () => panelRows(supervisorPanel),
      [
        ['you', 'You'],
        ['agent', 'Another agent'],
        ['customer', 'Customer'],
      ],
    );
    await panelVideoPlaying(supervisorPanel, '.customer-video');
    await panelVideoPlaying(agentPanel, '.customer-video');
    await screenshot(customer.page, 'three-party-customer');
    await panelShot(supervisorPanel, 'three-party-supervisor');
  },
  THREE_PAGES_MS,
);
