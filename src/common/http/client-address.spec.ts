import { plainIpv4 } from './client-address';

describe('client address', () => {
  it('writes an IPv4-mapped address as IPv4 and leaves every other address as it is', () => {
    expect(plainIpv4('::ffff:203.0.113.1')).toBe('203.0.113.1');
    expect(plainIpv4('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(plainIpv4('203.0.113.1')).toBe('203.0.113.1');
    expect(plainIpv4('::1')).toBe('::1');
    expect(plainIpv4('2001:db8::ffff:1.2.3.4')).toBe('2001:db8::ffff:1.2.3.4');
    expect(plainIpv4('::ffff:7f00:1')).toBe('::ffff:7f00:1');
    expect(plainIpv4(undefined)).toBeUndefined();
  });
});
