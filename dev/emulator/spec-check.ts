import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Checks a request against Twilio's official OpenAPI description of the API it targets (the
 * specs that ship in @twilio-alpha/mcp). Unknown paths, methods and parameters, values of the
 * wrong type or format, and missing required parameters are all violations.
 */
const SPEC_DIR = path.join(
  path.dirname(require.resolve('@twilio-alpha/mcp/package.json')),
  'twilio-oai',
  'spec',
  'json',
);

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: object;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: {
    content: Record<
      string,
      {
        schema: { properties?: Record<string, SchemaNode>; required?: string[] };
        examples?: Record<string, { value?: Record<string, unknown> }>;
      }
    >;
  };
}

interface SchemaNode {
  type?: string;
  $ref?: string;
  items?: SchemaNode;
}

interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
  literalLength: number;
}

interface LoadedSpec {
  id: string;
  doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, SchemaNode> };
  };
  routes: Route[];
}

export interface CheckedRequest {
  subdomain: string;
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams | undefined;
  headers: Record<string, string | string[] | undefined>;
}

export type CheckResult =
  { ok: true; template: string; pathParams: Record<string, string> } | { ok: false; reason: string };

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** True when the operation's own examples send `key` as a (URL-encoded) JSON array. */
function takesJsonArray(
  content: NonNullable<Operation['requestBody']>['content'][string],
  key: string,
): boolean {
  return Object.values(content.examples ?? {}).some((example) => {
    const value = example.value?.[key];
    if (typeof value !== 'string') return false;
    try {
      return Array.isArray(JSON.parse(decodeURIComponent(value)));
    } catch {
      return false;
    }
  });
}

export class SpecChecker {
  private readonly ajv = new Ajv({
    strict: false,
    coerceTypes: 'array',
    allErrors: false,
    validateFormats: true,
  });
  private readonly specs = new Map<string, LoadedSpec>();
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
    for (const format of [
      'int64',
      'int32',
      'uri-template',
      'phone-number',
      'currency',
      'decimal',
      'date-time-rfc-2822',
      'http-method',
      'sid',
    ]) {
      this.ajv.addFormat(format, true);
    }
  }

  /** Parses the specs up front so the first request is not slowed by it. */
  preload(subdomains: string[]): void {
    for (const subdomain of subdomains) this.spec(subdomain, 'v1');
  }

  private spec(subdomain: string, version: string): LoadedSpec | undefined {
    const id = `twilio_${subdomain}_${version}`;
    const cached = this.specs.get(id);
    if (cached) return cached;
    const file = path.join(SPEC_DIR, `${id}.json`);
    if (!fs.existsSync(file)) return undefined;
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as LoadedSpec['doc'];
    this.ajv.addSchema(doc, id);
    const routes = Object.keys(doc.paths).map((template) => {
      const names: string[] = [];
      const source = template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{([^}]+)\}/g, (_m, name: string) => {
          names.push(name);
          return '([^/]+)';
        });
      return {
        template,
        pattern: new RegExp(`^${source}$`),
        names,
        literalLength: template.replace(/\{[^}]+\}/g, '').length,
      };
    });
    // A literal segment beats a parameter: /Rooms/{Sid}/Recordings before /Rooms/{Sid}.
    routes.sort((a, b) => b.literalLength - a.literalLength);
    const spec = { id, doc, routes };
    this.specs.set(id, spec);
    return spec;
  }

  private validator(specId: string, ref: string, held = false): ValidateFunction {
    const key = `${specId}#${ref}`;
    let validate = this.validators.get(`${held}:${key}`);
    if (!validate) {
      validate = this.ajv.compile(
        held ? { type: 'object', properties: { value: { $ref: key } } } : { $ref: key },
      );
      this.validators.set(`${held}:${key}`, validate);
    }
    return validate;
  }

  private resolve(spec: LoadedSpec, node: SchemaNode | undefined): SchemaNode | undefined {
    if (node?.$ref?.startsWith('#/components/schemas/'))
      return spec.doc.components.schemas[node.$ref.slice('#/components/schemas/'.length)];
    return node;
  }

  check(request: CheckedRequest): CheckResult {
    const version = /^\/(v\d+)\//.exec(request.path)?.[1];
    const spec = version ? this.spec(request.subdomain, version) : undefined;
    if (!spec) return { ok: false, reason: `no Twilio spec for ${request.subdomain} ${request.path}` };
    const route = spec.routes.map((r) => ({ r, m: r.pattern.exec(request.path) })).find((x) => x.m);
    if (!route?.m) return { ok: false, reason: `${request.path} is not a path of ${spec.id}` };
    const method = request.method.toLowerCase();
    const operation = spec.doc.paths[route.r.template][method];
    if (!operation) return { ok: false, reason: `${request.method} is not allowed on ${route.r.template}` };
    const base = pointer('paths', route.r.template, method);
    const pathParams: Record<string, string> = {};
    route.r.names.forEach((name, i) => (pathParams[name] = decodeURIComponent(route.m![i + 1])));

    const fail = (reason: string): CheckResult => ({
      ok: false,
      reason: `${request.method} ${route.r.template}: ${reason}`,
    });
    // A holder object lets Ajv coerce the value (query strings are strings) in place.
    const checkValue = (index: number, name: string, value: unknown): string | undefined => {
      const validate = this.validator(spec.id, `/${base}/parameters/${index}/schema`, true);
      return validate({ value })
        ? undefined
        : `${name}=${JSON.stringify(value)} ${this.ajv.errorsText(validate.errors)}`;
    };

    for (const [i, p] of (operation.parameters ?? []).entries()) {
      if (p.in === 'path') {
        const problem = checkValue(i, p.name, pathParams[p.name]);
        if (problem) return fail(`path parameter ${problem}`);
      }
    }
    for (const key of new Set(request.query.keys())) {
      const index = (operation.parameters ?? []).findIndex((p) => p.in === 'query' && p.name === key);
      if (index < 0) return fail(`unknown query parameter ${key}`);
      const values = request.query.getAll(key);
      const problem = checkValue(index, key, values.length > 1 ? values : values[0]);
      if (problem) return fail(`query parameter ${problem}`);
    }
    for (const [i, p] of (operation.parameters ?? []).entries()) {
      if (p.in === 'query' && p.required && !request.query.has(p.name))
        return fail(`missing query parameter ${p.name}`);
      if (p.in === 'header') {
        const value = request.headers[p.name.toLowerCase()];
        if (value !== undefined) {
          const problem = checkValue(i, p.name, value);
          if (problem) return fail(`header ${problem}`);
        } else if (p.required) return fail(`missing header ${p.name}`);
      }
    }

    const formContent = operation.requestBody?.content['application/x-www-form-urlencoded'];
    const form = request.form;
    if (!formContent) {
      if (form && [...form.keys()].length > 0) return fail('takes no request body');
      return { ok: true, template: route.r.template, pathParams };
    }
    const properties = formContent.schema.properties ?? {};
    const body: Record<string, unknown> = {};
    for (const key of new Set(form?.keys() ?? [])) {
      const property = this.resolve(spec, properties[key]);
      if (!property) return fail(`unknown body parameter ${key}`);
      const values = form!.getAll(key);
      if (property.type === 'object') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(values[0]);
        } catch {
          return fail(`body parameter ${key} is not JSON`);
        }
        // The spec types Video's rule lists (RecordingRules, SubscribeRules) as `object`, but its
        // own examples, and the API, take a JSON array of rule objects: accept exactly that.
        if (Array.isArray(parsed) && takesJsonArray(formContent, key)) {
          if (!parsed.every((rule) => rule !== null && typeof rule === 'object' && !Array.isArray(rule))) {
            return fail(`body parameter ${key} must be an array of objects`);
          }
          parsed = {};
        }
        body[key] = parsed;
      } else {
        body[key] = property.type === 'array' ? values : values.length > 1 ? values : values[0];
      }
    }
    const validate = this.validator(
      spec.id,
      `/${base}/requestBody/content/application~1x-www-form-urlencoded/schema`,
    );
    if (!validate(body)) return fail(`body ${this.ajv.errorsText(validate.errors)}`);
    return { ok: true, template: route.r.template, pathParams };
  }
}
