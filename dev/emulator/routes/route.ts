import type http from 'node:http';
import type { Json } from '../ids';
import type { EmulatorState } from '../state';

/** One request, as a route sees it: already authenticated and checked against the spec. */
export interface RouteRequest {
  method: string;
  subdomain: string;
  template: string;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  form: URLSearchParams;
  json: unknown;
  /** The body as it came (the Media Content Service takes a file). */
  body: Buffer;
  headers: http.IncomingHttpHeaders;
  state: EmulatorState;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** The spec's path template, e.g. /v1/Rooms/{Sid} */
  template: string;
  /** The status, the body and (where Twilio sends one a client reads, such as an ETag) headers. */
  handle(req: RouteRequest): RouteAnswer;
}

/** An answer that is a file, not JSON: a media file's content. */
export class MediaFile {
  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
  ) {}
}

export type RouteAnswer = [number, Json | MediaFile] | [number, Json, Record<string, string>];

/** One Twilio product: its subdomain and its routes. */
export interface Product {
  subdomain: string;
  routes: Route[];
}

export const formValue = (req: RouteRequest, name: string) => req.form.get(name) ?? undefined;

/** Twilio's list envelope; pages by PageSize with a PageToken-free `Page` number. */
export function page(key: string, items: unknown[], req: RouteRequest, baseUrl: string): Json {
  const pageSize = Number(req.query.get('PageSize') ?? 50);
  const pageNumber = Number(req.query.get('Page') ?? 0);
  const slice = items.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize);
  const params = new URLSearchParams(req.query);
  params.set('PageSize', String(pageSize));
  const at = (n: number) => {
    params.set('Page', String(n));
    return `${baseUrl}?${params}`;
  };
  return {
    [key]: slice,
    meta: {
      page: pageNumber,
      page_size: pageSize,
      first_page_url: at(0),
      previous_page_url: pageNumber > 0 ? at(pageNumber - 1) : null,
      url: at(pageNumber),
      next_page_url: (pageNumber + 1) * pageSize < items.length ? at(pageNumber + 1) : null,
      key,
    },
  };
}
