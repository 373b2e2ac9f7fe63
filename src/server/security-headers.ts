import { secureHeaders } from 'hono/secure-headers';
import type { MiddlewareHandler } from 'hono';

/**
 * The standard security headers on every answer, with a strict Content-Security-Policy: scripts only from the
 * server's own files (no inline script, no eval), nothing fetched from another site (report images from Amazon's
 * URLs included: they come through the server's image proxy, GET /api/image), framed only by its own pages (the Reports page previews a review in a frame).
 * Inline style is allowed (the reports' self-contained HTML carries its CSS inline; style cannot run code).
 */
export function securityHeaders(tls: boolean): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"], fontSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'none'"], frameAncestors: ["'self'"], formAction: ["'self'"],
    },
    strictTransportSecurity: tls ? 'max-age=31536000' : false,
    xFrameOptions: 'SAMEORIGIN',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });
}
