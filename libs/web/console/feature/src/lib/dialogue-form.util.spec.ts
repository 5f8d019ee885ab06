import { FormControl, FormGroup } from '@angular/forms';
import { endAfterStart, optionalUrl, timeZoneValidator } from './dialogue-form.util';

describe('dialogue-form.util', () => {
  it('accepts IANA zones and aliases, refuses unknown ones', () => {
    expect(timeZoneValidator(new FormControl('Europe/Zurich'))).toBeNull();
    expect(timeZoneValidator(new FormControl('UTC'))).toBeNull();
    expect(timeZoneValidator(new FormControl('Europe/Geneva'))).toEqual({ timeZone: true });
  });

  it('flags an end before the start on the end control', () => {
    const sut = new FormGroup(
      { startsAt: new FormControl('2017-05-08T10:00'), endsAt: new FormControl('2017-05-08T09:00') },
      { validators: endAfterStart('startsAt', 'endsAt') },
    );

    expect(sut.controls.endsAt.hasError('endBeforeStart')).toBe(true);
    sut.controls.endsAt.setValue('2017-05-08T11:00');
    expect(sut.controls.endsAt.valid).toBe(true);
  });

  it('accepts empty or http(s) links only', () => {
    expect(optionalUrl(new FormControl(''))).toBeNull();
    expect(optionalUrl(new FormControl('https://webtv.un.org'))).toBeNull();
    expect(optionalUrl(new FormControl('webtv.un.org'))).toEqual({ url: true });
  });
});
