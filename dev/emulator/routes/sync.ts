import { ACCOUNT_SID, iso, newSid, TwilioError } from '../ids';
import type { SyncDocument } from '../state';
import { formValue as f, type Product, type RouteRequest } from './route';

function documentOf(req: RouteRequest): SyncDocument {
  const sid = req.pathParams.Sid;
  const doc = [...req.state.documents.values()].find((d) => d.sid === sid || d.unique_name === sid);
  if (!doc) throw new TwilioError(404, 20404, 'Document not found');
  return doc;
}

export const sync: Product = {
  subdomain: 'sync',
  routes: [
    {
      method: 'POST',
      template: '/v1/Services/{ServiceSid}/Documents',
      handle: (req) => {
        const uniqueName = f(req, 'UniqueName') ?? null;
        if (uniqueName && [...req.state.documents.values()].some((d) => d.unique_name === uniqueName)) {
          throw new TwilioError(409, 54301, 'Unique name already exists');
        }
        const doc: SyncDocument = {
          sid: newSid('ET'),
          unique_name: uniqueName,
          account_sid: ACCOUNT_SID,
          service_sid: req.pathParams.ServiceSid,
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
