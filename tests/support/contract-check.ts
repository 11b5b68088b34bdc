import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { load as loadYaml } from 'js-yaml';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Checks the bundle's answers against its HTTP contract, docs/openapi.yaml (OpenAPI 3.1, whose
 * schemas are JSON Schema 2020-12): the path and method must be documented, the status must be
 * one of the operation's responses, the body must validate against that response's schema and
 * the headers it requires must be there. Answers that are not the bundle's own (twilio-run's
 * error page for a body it cannot parse, its own OPTIONS answers, static assets) are recognised
 * and reported as skipped, each with its reason; nothing is loosened in the document for them.
 *
 * The document is read and every schema in it compiled once per module instance (once per
 * process; under jest, once per test file, which is jest's module registry).
 */

export const CONTRACT_PATH = path.resolve(__dirname, '..', '..', 'docs', 'openapi.yaml');
const DOCUMENT_ID = 'https://flex-video-escalation.invalid/openapi.yaml';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One request and the answer it got, as the test saw them. */
export interface Exchange {
  method: string;
  /** The request path, with or without a query string. */
  path: string;
  requestHeaders?: Record<string, string>;
  requestBody?: string;
  status: number;
  headers: Headers | Record<string, string | undefined>;
  text: string;
}

export type Verdict =
  | { kind: 'validated'; operation: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'violated'; operation: string; problems: string[] };

/** A violation as a test reports it: which request, what came back, what is wrong. */
export interface ContractViolation {
  request: string;
  status: number;
  problems: string[];
}

/** What one stack's answers came to: the violations, for useStack to assert on after each test. */
export interface ContractLog {
  violations: ContractViolation[];
  /** Answers checked against the document (whether they kept it or not). */
  checked: number;
  skipped: number;
}

interface HeaderCheck {
  name: string;
  required: boolean;
  validate?: ValidateFunction;
}

interface CompiledResponse {
  /** The documented media types; empty for an answer without a body. */
  mediaTypes: string[];
  json?: ValidateFunction;
  headers: HeaderCheck[];
}

interface CompiledOperation {
  responses: Map<string, CompiledResponse>;
}

type Json = Record<string, unknown>;

const escapePointer = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

function newAjv(options: { coerceTypes: boolean }): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: false,
    allErrors: true,
    discriminator: true,
    coerceTypes: options.coerceTypes,
  });
  addFormats(ajv);
  // The contract's Identity limit is in bytes, which maxLength (characters) cannot say.
  ajv.addKeyword({
    keyword: 'x-maxBytes',
    type: 'string',
    schemaType: 'number',
    errors: false,
    validate: (max: number, data: string) => Buffer.byteLength(data, 'utf8') <= max,
  });
  // The document is registered whole (see the constructor): its own fields are known, inert
  // keywords to ajv, and only the schemas inside it are compiled.
  for (const field of [
    'openapi',
    'info',
    'jsonSchemaDialect',
    'servers',
    'paths',
    'webhooks',
    'components',
    'security',
    'tags',
    'externalDocs',
  ]) {
    ajv.addKeyword(field);
  }
  return ajv;
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath || '(root)';
  // ajv's additionalProperties error names the property; enum and const errors carry the values.
  const params = error.params as {
    additionalProperty?: string;
    allowedValues?: unknown;
    allowedValue?: unknown;
  };
  const detail =
    params.additionalProperty !== undefined
      ? ` (${params.additionalProperty})`
      : params.allowedValues !== undefined
        ? ` (${JSON.stringify(params.allowedValues)})`
        : params.allowedValue !== undefined
          ? ` (${JSON.stringify(params.allowedValue)})`
          : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

function headerValue(headers: Exchange['headers'], name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return found?.[1] ?? null;
}

/** body-parser (strict, as twilio-run uses it) takes only an object or an array as JSON. */
function runtimeRefusesJson(exchange: Exchange): boolean {
  const contentType =
    Object.entries(exchange.requestHeaders ?? {}).find(
      ([name]) => name.toLowerCase() === 'content-type',
    )?.[1] ?? '';
  const body = exchange.requestBody ?? '';
  if (!/^application\/json\b/i.test(contentType) || body.trim() === '') return false;
  if (!/^[\s]*[[{]/.test(body)) return true;
  try {
    JSON.parse(body);
    return false;
  } catch {
    return true;
  }
}

export class ContractChecker {
  readonly document: Json;
  private readonly operations = new Map<string, CompiledOperation>();
  /** Documented paths, for telling "no such path" from "no such method". */
  private readonly paths = new Set<string>();

  constructor(source: string = fs.readFileSync(CONTRACT_PATH, 'utf8')) {
    const document = loadYaml(source) as Json;
    if (!document || typeof document !== 'object' || !/^3\.1\.\d+$/.test(String(document.openapi))) {
      throw new Error('the contract is not an OpenAPI 3.1 document');
    }
    this.document = document;
    const schemas = newAjv({ coerceTypes: false });
    // Header values are text: `Retry-After: 2` is checked against `type: integer`.
    const headerSchemas = newAjv({ coerceTypes: true });
    // The document is registered whole, so that each schema is compiled where it stands and its
    // `#/components/...` references resolve; it is not itself checked as a schema (it is not one).
    schemas.addSchema(document, DOCUMENT_ID, undefined, false);
    headerSchemas.addSchema(document, DOCUMENT_ID, undefined, false);
    // Responses and headers are shared components: each is compiled once.
    const compiled = new Map<string, ValidateFunction>();
    const compile = (ajv: Ajv2020, pointer: string[]): ValidateFunction => {
      const ref = this.ref(pointer);
      const key = `${ajv === schemas ? 'body' : 'header'} ${ref}`;
      if (!compiled.has(key)) compiled.set(key, ajv.compile({ $ref: ref }));
      return compiled.get(key)!;
    };

    const paths = (document.paths ?? {}) as Record<string, Json>;
    for (const [template, item] of Object.entries(paths)) {
      this.paths.add(template);
      for (const method of METHODS) {
        const operation = item[method] as Json | undefined;
        if (!operation) continue;
        const responses = new Map<string, CompiledResponse>();
        for (const [status, declared] of Object.entries(
          (operation.responses ?? {}) as Record<string, Json>,
        )) {
          const [response, pointer] = this.resolve(declared, [
            'paths',
            template,
            method,
            'responses',
            status,
          ]);
          const content = (response.content ?? {}) as Record<string, Json>;
          const headers: HeaderCheck[] = Object.entries((response.headers ?? {}) as Record<string, Json>).map(
            ([name, declaredHeader]) => {
              const [header, headerPointer] = this.resolve(declaredHeader, [...pointer, 'headers', name]);
              const validate = header.schema
                ? compile(headerSchemas, [...headerPointer, 'schema'])
                : undefined;
              return { name, required: header.required === true, validate };
            },
          );
          const json = content['application/json']?.schema
            ? compile(schemas, [...pointer, 'content', 'application/json', 'schema'])
            : undefined;
          responses.set(status, { mediaTypes: Object.keys(content), json, headers });
        }
        this.operations.set(`${method.toUpperCase()} ${template}`, { responses });
      }
    }
  }

  /** Follows a `$ref` to components (one level, as the document uses them). */
  private resolve(node: Json, pointer: string[]): [Json, string[]] {
    const ref = node.$ref;
    if (typeof ref !== 'string') return [node, pointer];
    if (!ref.startsWith('#/')) throw new Error(`the contract refers outside itself: ${ref}`);
    const parts = ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const target = parts.reduce<unknown>((at, part) => (at as Json | undefined)?.[part], this.document) as
      Json | undefined;
    if (!target) throw new Error(`the contract refers to nothing: ${ref}`);
    return this.resolve(target, parts);
  }

  private ref(pointer: string[]): string {
    return `${DOCUMENT_ID}#/${pointer.map(escapePointer).join('/')}`;
  }

  /** Every documented operation, as `METHOD /path`. */
  operationKeys(): string[] {
    return [...this.operations.keys()];
  }

  /** The statuses documented for an operation. */
  statusesOf(method: string, template: string): string[] {
    return [...(this.operations.get(`${method.toUpperCase()} ${template}`)?.responses.keys() ?? [])];
  }

  check(exchange: Exchange): Verdict {
    const method = exchange.method.toUpperCase();
    const pathname = exchange.path.split(/[?#]/)[0];
    const hasServerTiming = headerValue(exchange.headers, 'server-timing') !== null;
    const contentType = headerValue(exchange.headers, 'content-type') ?? '';

    // Not the bundle's own answers: recognised by what they are, never by loosening the contract.
    if (method === 'OPTIONS' && headerValue(exchange.headers, 'access-control-allow-origin') === '*') {
      return {
        kind: 'skipped',
        reason: "twilio-run's own OPTIONS answer (its CORS middleware; deployed, the Function answers)",
      };
    }
    if (!pathname.startsWith('/video/') && /\.[A-Za-z0-9]+$/.test(pathname)) {
      return { kind: 'skipped', reason: 'a static asset (Twilio Assets), not a Function' };
    }
    if (
      exchange.status >= 400 &&
      exchange.status < 500 &&
      /^text\/html\b/i.test(contentType) &&
      !hasServerTiming &&
      runtimeRefusesJson(exchange)
    ) {
      return {
        kind: 'skipped',
        reason:
          "twilio-run's error page: the runtime refused a JSON body it cannot parse before the Function ran",
      };
    }

    const operationName = `${method} ${pathname} → ${exchange.status}`;
    const violated = (...problems: string[]): Verdict => ({
      kind: 'violated',
      operation: operationName,
      problems,
    });
    if (!this.paths.has(pathname)) return violated(`${pathname} is not a path of the contract`);
    const operation = this.operations.get(`${method} ${pathname}`);
    if (!operation) return violated(`${method} is not documented for ${pathname}`);
    const response =
      operation.responses.get(String(exchange.status)) ??
      operation.responses.get(`${String(exchange.status)[0]}XX`);
    if (!response) return violated(`status ${exchange.status} is not documented for ${method} ${pathname}`);

    const problems: string[] = [];
    for (const header of response.headers) {
      const value = headerValue(exchange.headers, header.name);
      if (value === null) {
        if (header.required) problems.push(`header ${header.name} is required`);
        continue;
      }
      if (header.validate && !header.validate(value)) {
        problems.push(
          `header ${header.name}: ${JSON.stringify(value)} ${header.validate.errors?.map((e) => e.message).join('; ') ?? 'is invalid'}`,
        );
      }
    }

    if (response.mediaTypes.length === 0) {
      if (exchange.text !== '')
        problems.push(
          `a body was sent where the contract documents none (${contentType || 'no Content-Type'})`,
        );
    } else if (response.json) {
      if (!/^application\/json\b/i.test(contentType))
        problems.push(`Content-Type is ${JSON.stringify(contentType)}, not application/json`);
      let body: unknown;
      try {
        body = JSON.parse(exchange.text);
      } catch {
        problems.push(`the body is not JSON: ${JSON.stringify(exchange.text.slice(0, 80))}`);
        return violated(...problems);
      }
      if (!response.json(body)) problems.push(...(response.json.errors ?? []).slice(0, 8).map(describeError));
    } else if (!response.mediaTypes.some((type) => contentType.toLowerCase().startsWith(type))) {
      problems.push(
        `Content-Type is ${JSON.stringify(contentType)}, not one of ${response.mediaTypes.join(', ')}`,
      );
    }
    return problems.length > 0 ? violated(...problems) : { kind: 'validated', operation: operationName };
  }
}

let shared: ContractChecker | undefined;

/** The one checker of this process (module instance), made on first use. */
export function contractChecker(): ContractChecker {
  shared ??= new ContractChecker();
  return shared;
}

export const newContractLog = (): ContractLog => ({ violations: [], checked: 0, skipped: 0 });

/**
 * Checks one answer and records the verdict in `log`. With CONTRACT_TALLY_FILE set, each verdict
 * is also appended to that file as a line, so a whole run (many jest workers) can be counted.
 */
export function checkAnswer(log: ContractLog, exchange: Exchange): Verdict {
  const verdict = contractChecker().check(exchange);
  if (verdict.kind === 'skipped') log.skipped++;
  else log.checked++;
  if (verdict.kind === 'violated') {
    log.violations.push({
      request: `${exchange.method.toUpperCase()} ${exchange.path}`,
      status: exchange.status,
      problems: verdict.problems,
    });
  }
  const tally = process.env.CONTRACT_TALLY_FILE;
  if (tally)
    fs.appendFileSync(
      tally,
      `${verdict.kind}\t${verdict.kind === 'skipped' ? verdict.reason : verdict.operation}\n`,
    );
  return verdict;
}
