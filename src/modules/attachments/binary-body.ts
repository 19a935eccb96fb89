import type { FastifyInstance } from 'fastify';
import { ATTACHMENT_LIMITS } from './attachment-store.js';

/** Request bodies that are a file, not JSON: accepted as raw bytes up to the attachment limit. */
export const BINARY_BODY_TYPES = ['application/octet-stream', 'image/png', 'image/jpeg', 'image/jpg', 'image/gif', 'image/webp', 'application/pdf'];

/**
 * Lets file uploads arrive as the raw body (no multipart, no base64). Routes without a body
 * schema read `req.body` as a Buffer; routes with a JSON schema refuse it at validation.
 */
export function registerBinaryBodies(app: FastifyInstance): void {
  app.addContentTypeParser(BINARY_BODY_TYPES, { parseAs: 'buffer', bodyLimit: ATTACHMENT_LIMITS.maxBytes }, (_req, body, done) => {
    done(null, body);
  });
}
