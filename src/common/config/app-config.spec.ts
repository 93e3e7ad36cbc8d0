import { loadAppConfig } from './app-config';

const trustProxy = (value?: string) => loadAppConfig({ JWT_SECRET: 'test', TRUST_PROXY: value }).trustProxy;

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    for (const off of [undefined, '', 'false', '0']) expect(trustProxy(off)).toBe(false);
  });

  it('takes the number of proxies in front, or their addresses', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('10.0.0.0/8, loopback')).toEqual(['10.0.0.0/8', 'loopback']);
  });

  it('refuses true, which would let any client choose its own address', () => {
    expect(() => trustProxy('true')).toThrow(/number of proxies/);
  });
});
