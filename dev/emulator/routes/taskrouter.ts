import { ACCOUNT_SID, iso, Json, newSid, notFound, TwilioError } from '../ids';
import type { Task, Worker } from '../state';
import { formValue as f, page, type Product, type RouteAnswer, type RouteRequest } from './route';

const taskJson = (workspaceSid: string, task: Task): Json => ({
  account_sid: ACCOUNT_SID,
  age: 10,
  assignment_status: task.assignment_status,
  attributes: task.attributes,
  addons: '{}',
  date_created: iso(),
  date_updated: iso(),
  task_queue_entered_date: iso(),
  priority: 0,
  reason: null,
  sid: task.sid,
  task_queue_sid: newSid('WQ'),
  task_queue_friendly_name: 'Everyone',
  task_channel_sid: newSid('TC'),
  task_channel_unique_name: 'chat',
  timeout: 86400,
  workflow_sid: newSid('WW'),
  workflow_friendly_name: 'Assign',
  workspace_sid: workspaceSid,
  url: '',
  links: {},
  virtual_start_time: iso(),
  ignore_capacity: false,
  routing_target: null,
});

const workerJson = (workspaceSid: string, worker: Worker): Json => ({
  account_sid: ACCOUNT_SID,
  activity_name: 'Available',
  activity_sid: newSid('WA'),
  attributes: worker.attributes,
  available: true,
  date_created: iso(),
  date_status_changed: iso(),
  date_updated: iso(),
  friendly_name: 'agent',
  sid: worker.sid,
  workspace_sid: workspaceSid,
  url: '',
  links: {},
});

function workerOf(req: RouteRequest): Worker {
  const worker = req.state.workers.get(req.pathParams.Sid);
  if (!worker) throw notFound();
  return worker;
}

/** Twilio sends a worker's ETag, and refuses a write whose If-Match is stale with 412. */
const withEtag = (req: RouteRequest, worker: Worker): RouteAnswer => [
  200,
  workerJson(req.pathParams.WorkspaceSid, worker),
  { ETag: String(worker.revision) },
];

export const taskrouter: Product = {
  subdomain: 'taskrouter',
  routes: [
    {
      method: 'GET',
      template: '/v1/Workspaces/{WorkspaceSid}/Workers/{Sid}',
      handle: (req) => withEtag(req, workerOf(req)),
    },
    {
      method: 'POST',
      template: '/v1/Workspaces/{WorkspaceSid}/Workers/{Sid}',
      handle: (req) => {
        const worker = workerOf(req);
        const ifMatch = req.headers['if-match'];
        if (ifMatch !== undefined && ifMatch !== String(worker.revision))
          throw new TwilioError(412, 20412, 'Precondition Failed');
        const attributes = f(req, 'Attributes');
        if (attributes !== undefined) {
          try {
            JSON.parse(attributes);
          } catch {
            throw new TwilioError(400, 20001, 'Attributes must be JSON');
          }
          worker.attributes = attributes;
        }
        worker.revision += 1;
        return withEtag(req, worker);
      },
    },
    {
      method: 'GET',
      template: '/v1/Workspaces/{WorkspaceSid}/Tasks/{Sid}',
      handle: ({ pathParams: p, state }) => {
        const task = state.tasks.get(p.Sid);
        if (!task) throw notFound();
        return [200, taskJson(p.WorkspaceSid, task)];
      },
    },
    {
      method: 'GET',
      template: '/v1/Workspaces/{WorkspaceSid}/Tasks/{TaskSid}/Reservations',
      handle: (req) => {
        const { pathParams: p, state } = req;
        if (!state.tasks.has(p.TaskSid)) throw notFound();
        const worker = req.query.get('WorkerSid');
        const status = req.query.get('ReservationStatus');
        const items = (state.reservations.get(p.TaskSid) ?? [])
          .filter((r) => (!worker || r.worker_sid === worker) && (!status || r.reservation_status === status))
          .map((r) => ({
            account_sid: ACCOUNT_SID,
            date_created: iso(),
            date_updated: iso(),
            reservation_status: r.reservation_status,
            sid: r.sid,
            task_sid: p.TaskSid,
            worker_name: 'agent',
            worker_sid: r.worker_sid,
            workspace_sid: p.WorkspaceSid,
            url: '',
            links: {},
          }));
        return [
          200,
          page(
            'reservations',
            items,
            req,
            `https://taskrouter.twilio.com/v1/Workspaces/${p.WorkspaceSid}/Tasks/${p.TaskSid}/Reservations`,
          ),
        ];
      },
    },
  ],
};
