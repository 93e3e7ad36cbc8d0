import { ipKeyGenerator } from 'express-rate-limit';
import { rateLimitKey } from './security-middleware';

describe('rate limit key of a client address', () => {
  it('is the IPv4 address, whether it arrives as IPv4 or IPv4-mapped IPv6, as the library would give it', () => {
    expect(rateLimitKey('10.0.0.7')).toBe('10.0.0.7');
    expect(rateLimitKey('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(rateLimitKey('::ffff:10.0.0.7')).toBe(ipKeyGenerator('::ffff:10.0.0.7'));
  });

  it('is the /56 network of an IPv6 address, so that one client cannot take a fresh address per request', () => {
    expect(rateLimitKey('2001:db8:abcd:12ff:1:2:3:4')).toBe(rateLimitKey('2001:db8:abcd:1200::9'));
    expect(rateLimitKey('2001:db8:abcd:12ff:1:2:3:4')).not.toBe(rateLimitKey('2001:db8:abcd:1300::9'));
    expect(rateLimitKey('2001:db8:abcd:12ff:1:2:3:4')).toBe(ipKeyGenerator('2001:db8:abcd:12ff:1:2:3:4', 56));
  });

  it('does not read a mapped-looking address that carries no IPv4 address as one', () => {
    expect(rateLimitKey('::ffff:abcd:1')).toBe(ipKeyGenerator('::ffff:abcd:1', 56));
  });
});
