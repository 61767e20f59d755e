import { StartedAhead } from './started-ahead';

describe('StartedAhead', () => {
  it('gives what was started to its first reader only', () => {
    const ahead = new StartedAhead<string>();
    ahead.start('the project page');
    expect(ahead.take()).toBe('the project page');
    expect(ahead.take()).toBeUndefined();
  });

  it('gives nothing when nothing was started', () => {
    expect(new StartedAhead<number>().take()).toBeUndefined();
  });

  it('keeps the calls of one kind apart by their key', () => {
    const ahead = new StartedAhead<string>();
    ahead.start('overview', 'getProjectView {"overviewFirst":true}');
    expect(ahead.take('getProjectView {}')).toBeUndefined();
    expect(ahead.take('getProjectView {"overviewFirst":true}')).toBe('overview');
    expect(ahead.take('getProjectView {"overviewFirst":true}')).toBeUndefined();
  });

  it('gives the latest work started under a key', () => {
    const ahead = new StartedAhead<number>();
    ahead.start(1);
    ahead.start(2);
    expect(ahead.take()).toBe(2);
  });
});
