import { describeRejection, RejectionReporter } from './unhandled-rejections';

describe('unhandled rejections', () => {
  it('are described by kind and a short first line of the message, without the stack', () => {
    const error = new TypeError(`boom\n    at secret (/app/x.js:1:1)`);
    expect(describeRejection(error)).toBe('TypeError: boom');
    expect(describeRejection(new Error('x'.repeat(500)))).toBe(`Error: ${'x'.repeat(193)}…`);
    expect(describeRejection('text with a token')).toBe('a string value');
    expect(describeRejection(null)).toBe('a null value');
  });

  it('are logged at once, then at most once a minute with the count since', () => {
    const lines: string[] = [];
    let now = 0;
    const reporter = new RejectionReporter((line) => lines.push(line), () => now);
    reporter.report(new Error('first'));
    expect(lines).toEqual(['An unhandled promise rejection ignored, the service keeps serving (a bug to fix; last: Error: first)']);
    for (let i = 0; i < 1000; i++) {
      now += 10;
      reporter.report(new Error('again'));
    }
    expect(lines).toHaveLength(1);
    now = 60_000;
    reporter.report(new Error('later'));
    expect(lines[1]).toBe('1001 unhandled promise rejections ignored, the service keeps serving (a bug to fix; last: Error: later)');
  });
});
