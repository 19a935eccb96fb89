import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../modules/auth/principal.js';
import type { AppContext } from './context.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal;
  ctx: AppContext;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface PublicHandlerInput<P, Q, B> extends Omit<HandlerInput<P, Q, B>, 'principal'> {
  principal: Principal | null;
}

interface RouteBase<P, Q, B> {
  method: HttpMethod;
  url: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /**
   * Checks the request against its exact bytes (an HMAC signature) before anything is parsed or
   * validated. The route then gets a JSON parser of its own, scoped to it, that keeps those bytes.
   */
  verifyRawBody?: (input: { req: FastifyRequest; raw: Buffer; ctx: AppContext }) => Promise<void>;
  /** For the OpenAPI document; responses are not re-validated at run time. */
  response?: { status: number; schema?: z.ZodType; description?: string };
}

export type RouteDef<P = unknown, Q = unknown, B = unknown> =
  | (RouteBase<P, Q, B> & {
      auth: 'required';
      handler(input: HandlerInput<P, Q, B>): Promise<unknown>;
    })
  | (RouteBase<P, Q, B> & {
      auth: 'public';
      handler(input: PublicHandlerInput<P, Q, B>): Promise<unknown>;
    });

/**
 * Declares a route once: the same zod schemas validate the request, type the handler
 * and describe the route in /api/v1/openapi.json.
 */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  def: RouteDef<P, Q, B>,
): RouteDef<P, Q, B> {
  return def;
}

export type AnyRoute = RouteDef<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
