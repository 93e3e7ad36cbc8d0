import type { NestExpressApplication } from '@nestjs/platform-express';

const MAPPED_IPV4 = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

/** An IPv4 client's address as IPv4, also when a dual-stack socket reports it IPv4-mapped (`::ffff:203.0.113.1`). */
export function plainIpv4(address: string | undefined): string | undefined {
  return address === undefined ? undefined : MAPPED_IPV4.exec(address)?.[1] ?? address;
}

/**
 * `req.ip` as express works it out (trust proxy included), an IPv4-mapped address as plain IPv4.
 * The rate limiter keys a mapped address by its IPv4 form anyway, but gets there by parsing it as
 * IPv6 on every request (a few percent of a small request's CPU); logs read better too.
 */
export function reportPlainIpv4Addresses(app: NestExpressApplication): void {
  const request = (app.getHttpAdapter().getInstance() as { request: object }).request;
  let proto: object | null = request;
  let ip: PropertyDescriptor | undefined;
  while (proto && !(ip = Object.getOwnPropertyDescriptor(proto, 'ip'))) proto = Object.getPrototypeOf(proto);
  const expressIp = ip?.get;
  if (!expressIp) throw new Error("express's request has no `ip` getter to wrap");
  Object.defineProperty(request, 'ip', {
    configurable: true,
    enumerable: true,
    get(this: object) {
      return plainIpv4(expressIp.call(this) as string | undefined);
    },
  });
}
