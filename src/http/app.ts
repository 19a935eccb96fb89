import fs from 'node:fs';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import type { ZodType } from 'zod';
import { AppError, errorBody } from '../errors.js';
import { projectPath } from '../project-root.js';
import { sessionFromTokenHash } from '../modules/auth/sessions.js';
import { hashToken } from '../modules/auth/tokens.js';
import { PrincipalCache } from '../modules/auth/principal-cache.js';
import type { Principal } from '../modules/auth/principal.js';
import type { AppContext } from './context.js';
import type { AnyRoute } from './define-route.js';
import { buildOpenApi } from './openapi.js';
import { parseInput } from './validation.js';
import { allRoutes } from './routes.js';
import { LiveHub } from '../realtime/live-hub.js';
import { registerLiveRoute } from '../realtime/live-route.js';
import { registerBinaryBodies } from '../modules/attachments/binary-body.js';
import { registerChat } from '../modules/chat/chat-socket.js';
import { registerPortalLive } from '../modules/notify/portal-live.js';

const WEB_DIST = projectPath('dist/web');

function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError('unauthenticated', 'Authorization must be "Bearer <token>".');
  return match[1]!;
}

async function authenticate(ctx: AppContext, principals: PrincipalCache, req: FastifyRequest): Promise<Principal | null> {
  const token = bearerToken(req);
  if (!token) return null;
  const now = ctx.clock.now();
  const tokenHash = hashToken(token);
  const cached = principals.get(tokenHash, now);
  if (cached) return cached;
  const session = await sessionFromTokenHash(ctx.db, tokenHash, now);
  if (!session) throw new AppError('unauthenticated', 'The token is unknown, expired or revoked.');
  principals.set(tokenHash, session.principal, session.expiresAt);
  return session.principal;
}

/** Maps framework errors (bad JSON, body too large…) onto the stable error catalogue. */
function sendError(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    void reply.headers(err.headers).code(err.status).send(errorBody(err.code, err.message, err.details));
    return;
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      void reply.code(400).send(errorBody('invalid_json', fe.message));
      return;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      void reply.code(413).send(errorBody('payload_too_large'));
      return;
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // A path parameter longer than any id we issue names no record, like any other malformed id.
      void reply.code(404).send(errorBody('not_found', 'No such record.', [{ path: 'params', message: 'too long' }]));
      return;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      void reply.code(fe.statusCode ?? 415).send(errorBody(fe.statusCode === 400 ? 'bad_request' : 'unsupported_media_type'));
      return;
    default:
      break;
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // JSON syntax errors surface as SyntaxError with a 400 from the parser.
    const code = fe instanceof SyntaxError ? 'invalid_json' : fe.statusCode === 413 ? 'payload_too_large' : 'bad_request';
    void reply.code(fe.statusCode).send(errorBody(code, fe.message));
    return;
  }
  req.log.error({ err }, 'unhandled error');
  void reply.code(500).send(errorBody('internal'));
}

/** Exact request bytes of routes that verify a signature over them (verifyRawBody). */
const rawBodies = new WeakMap<FastifyRequest, Buffer>();

function register(app: FastifyInstance, ctx: AppContext, principals: PrincipalCache, route: AnyRoute) {
  if (!route.verifyRawBody) {
    addRoute(app, ctx, principals, route);
    return;
  }
  // An encapsulated scope: its JSON parser (which keeps the raw bytes) applies to this route only.
  void app.register(async (scope) => {
    const json = scope.getDefaultJsonParser('error', 'error');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      rawBodies.set(req, body as Buffer);
      void json(req, (body as Buffer).toString('utf8'), done);
    });
    addRoute(scope, ctx, principals, route);
  });
}

function addRoute(app: FastifyInstance, ctx: AppContext, principals: PrincipalCache, route: AnyRoute) {
  app.route({
    method: route.method,
    url: route.url,
    handler: async (req, reply) => {
      const principal = await authenticate(ctx, principals, req);
      if (route.auth === 'required' && !principal) throw new AppError('unauthenticated');
      if (route.verifyRawBody) await route.verifyRawBody({ req, raw: rawBodies.get(req) ?? Buffer.alloc(0), ctx });
      const params: unknown = parseInput(route.params as ZodType<unknown> | undefined, req.params, 'params');
      const query: unknown = parseInput(route.query as ZodType<unknown> | undefined, req.query, 'query');
      // A route without a body schema ignores whatever body was sent.
      const body: unknown = route.body ? parseInput(route.body as ZodType<unknown>, req.body, 'body') : undefined;
      const input = { params, query, body, ctx, req, reply };
      const result: unknown = route.auth === 'required'
        ? await route.handler({ ...input, principal: principal! })
        : await route.handler({ ...input, principal });
      if (reply.sent) return reply;
      void reply.code(route.response?.status ?? 200);
      return result ?? null;
    },
  });
}

export async function buildApp(ctx: AppContext, opts: { logger?: boolean; extraRoutes?: AnyRoute[] } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.LOG_LEVEL } : false,
    bodyLimit: ctx.config.MAX_BODY_BYTES,
    // Signed links carry their token in the path (/api/v1/surveys/<token>, ~135 characters).
    routerOptions: { maxParamLength: 500 },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    trustProxy: ctx.config.TRUST_PROXY,
    // Router errors (bad percent-encoding, over-long parameters) get the same error shape.
    frameworkErrors: (err, req, reply) => sendError(err, req, reply),
    // Per-request log lines would cost more than the requests at intake load.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setErrorHandler((err, req, reply) => sendError(err, req, reply));
  // JSON only: a text/plain body would otherwise reach validation as a string (422, not 415).
  app.removeContentTypeParser('text/plain');
  // File uploads (service hall attachments) arrive as raw bytes.
  registerBinaryBodies(app);
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || req.method !== 'GET' || !fs.existsSync(WEB_DIST)) {
      void reply.code(404).send(errorBody('route_not_found', `No route ${req.method} ${req.url.split('?')[0]}.`));
      return;
    }
    // Client-side routes of the single-page app all load index.html.
    void reply.type('text/html').sendFile('index.html');
  });

  const routes = [...allRoutes, ...(opts.extraRoutes ?? [])];
  const openapi = buildOpenApi(routes);
  app.get('/healthz', async () => {
    await ctx.db.query('select 1');
    return { status: 'ok', database: ctx.db.kind };
  });
  app.get('/api/v1/openapi.json', async () => openapi);
  const principals = new PrincipalCache(ctx.config.AUTH_CACHE_MS);
  const stopPrincipals = await principals.listen(ctx.db);
  app.addHook('onClose', () => stopPrincipals());
  for (const route of routes) register(app, ctx, principals, route);
  // WebSocket channels: frames larger than 64 kB are refused by the protocol layer.
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  const hub = new LiveHub(ctx.db);
  await hub.start();
  app.addHook('onClose', () => hub.stop());
  registerLiveRoute(app, ctx, hub);
  // Chat WebSocket and the embeddable widget script (not JSON routes, so outside the registry).
  await registerChat(app, ctx);
  // The service hall's in-app notices, pushed live.
  await app.register(async (scope) => registerPortalLive(scope, ctx));

  if (fs.existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false });
  }
  return app;
}
