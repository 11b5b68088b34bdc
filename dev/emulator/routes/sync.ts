import { ACCOUNT_SID, iso, newSid, TwilioError } from '../ids';
import { syncService, type SyncDocument, type SyncService } from '../state';
import { formValue as f, page, type Product, type RouteRequest } from './route';

/** A service by its SID, or the account's default one by the word `default`, as Twilio resolves them. */
function serviceOf(req: RouteRequest, sid: string): SyncService {
  const service = req.state.syncServices.find((s) => s.sid === sid || s.unique_name === sid);
  if (!service) throw new TwilioError(404, 20404, 'Service not found');
  return service;
}

/** Documents belong to one service: a name is unique within it, and unknown to the others. */
function documentsOf(req: RouteRequest): SyncDocument[] {
  const service = serviceOf(req, req.pathParams.ServiceSid);
  return [...req.state.documents.values()].filter((d) => d.service_sid === service.sid);
}

function documentOf(req: RouteRequest): SyncDocument {
  const sid = req.pathParams.Sid;
  const doc = documentsOf(req).find((d) => d.sid === sid || d.unique_name === sid);
  if (!doc) throw new TwilioError(404, 20404, 'Document not found');
  return doc;
}

const flag = (req: RouteRequest, name: string) => {
  const value = f(req, name);
  return value === undefined ? undefined : value === 'true';
};

export const sync: Product = {
  subdomain: 'sync',
  routes: [
    {
      method: 'POST',
      template: '/v1/Services',
      handle: (req) => {
        const service = syncService(newSid('IS'), {
          friendly_name: f(req, 'FriendlyName') ?? null,
          acl_enabled: flag(req, 'AclEnabled') ?? false,
        });
        req.state.syncServices.push(service);
        return [201, service];
      },
    },
    {
      method: 'GET',
      template: '/v1/Services',
      handle: (req) => [
        200,
        page('services', req.state.syncServices, req, 'https://sync.twilio.com/v1/Services'),
      ],
    },
    {
      method: 'GET',
      template: '/v1/Services/{Sid}',
      handle: (req) => [200, serviceOf(req, req.pathParams.Sid)],
    },
    {
      method: 'POST',
      template: '/v1/Services/{Sid}',
      handle: (req) => {
        const service = serviceOf(req, req.pathParams.Sid);
        service.acl_enabled = flag(req, 'AclEnabled') ?? service.acl_enabled;
        service.friendly_name = f(req, 'FriendlyName') ?? service.friendly_name;
        service.date_updated = iso();
        return [200, service];
      },
    },
    {
      method: 'POST',
      template: '/v1/Services/{ServiceSid}/Documents',
      handle: (req) => {
        const service = serviceOf(req, req.pathParams.ServiceSid);
        const uniqueName = f(req, 'UniqueName') ?? null;
        if (uniqueName && documentsOf(req).some((d) => d.unique_name === uniqueName)) {
          throw new TwilioError(409, 54301, 'Unique name already exists');
        }
        const doc: SyncDocument = {
          sid: newSid('ET'),
          unique_name: uniqueName,
          account_sid: ACCOUNT_SID,
          service_sid: service.sid,
          url: '',
          links: {},
          revision: '0',
          data: JSON.parse(f(req, 'Data') ?? '{}'),
          date_expires: null,
          date_created: iso(),
          date_updated: iso(),
          created_by: 'system',
        };
        req.state.documents.set(doc.sid, doc);
        return [201, doc];
      },
    },
    {
      method: 'GET',
      template: '/v1/Services/{ServiceSid}/Documents/{Sid}',
      handle: (req) => [200, documentOf(req)],
    },
    {
      method: 'POST',
      template: '/v1/Services/{ServiceSid}/Documents/{Sid}',
      handle: (req) => {
        const doc = documentOf(req);
        const ifMatch = req.headers['if-match'];
        if (ifMatch !== undefined && ifMatch !== doc.revision)
          throw new TwilioError(412, 54103, 'The revision of the Document does not match');
        if (f(req, 'Data') !== undefined) doc.data = JSON.parse(f(req, 'Data')!);
        doc.revision = String(Number(doc.revision) + 1);
        doc.date_updated = iso();
        return [200, doc];
      },
    },
  ],
};
