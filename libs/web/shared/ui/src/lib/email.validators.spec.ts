import { FormControl } from '@angular/forms';
import { emailFormat, emailValidators } from './email.validators';

describe('email validators', () => {
  it.each(['ana@example.org', 'a.b+tag@sub.example.co.uk', 'josé@exämple.fr', ' ana@example.org '])(
    'accept %p',
    (value) => {
      expect(emailFormat(new FormControl(value))).toBeNull();
    },
  );

  it.each([
    'ana@example',
    'ana@@example.org',
    'ana example@x.org',
    '.ana@x.org',
    'ana.@x.org',
    'a..b@x.org',
    'ana@x.o',
    'ana@-x.org',
    'ana@x..org',
  ])('refuse %p', (value) => {
    expect(emailFormat(new FormControl(value))).toEqual({ emailFormat: true });
  });

  it('leave an empty value to required', () => {
    const control = new FormControl('', emailValidators);
    expect(control.errors).toEqual({ required: true });
    control.setValue('not-an-email');
    expect(control.errors).toMatchObject({ email: true, emailFormat: true });
  });
});
