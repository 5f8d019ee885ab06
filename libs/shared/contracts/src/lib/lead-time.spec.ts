import { leadTimeWording } from './lead-time';

describe('leadTimeWording', () => {
  it('words the days before the session, the same day and after it, and warns when not before', () => {
    expect(leadTimeWording(40)).toEqual({ case: 'before', count: 40, warn: false });
    expect(leadTimeWording(0)).toEqual({ case: 'sameDay', warn: true });
    expect(leadTimeWording(-3)).toEqual({ case: 'after', count: 3, warn: true });
    expect(leadTimeWording(null)).toEqual({ case: 'unknown', warn: false });
    expect(leadTimeWording(undefined)).toEqual({ case: 'unknown', warn: false });
  });
});
