import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, Validators } from '@angular/forms';
import { CountryFieldComponent } from './country-field.component';

@Component({
  imports: [CountryFieldComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<gfmd-country-field [control]="control" />`,
})
class HostComponent {
  readonly control = new FormControl('', { nonNullable: true, validators: Validators.required });
}

describe(CountryFieldComponent.name, () => {
  async function render() {
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input[name=country]');
    if (!input) throw new Error('no input');
    const type = async (text: string) => {
      input.focus();
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    return { fixture, input, type, control: fixture.componentInstance.control };
  }

  it('is a labelled combobox that searches as one types: "Mex" offers Mexico first', async () => {
    const { input, type } = await render();
    expect(input.getAttribute('role')).toBe('combobox');
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toContain('Country');
    await type('Mex');
    const options = Array.from(document.querySelectorAll('mat-option')).map((o) => o.textContent?.trim());
    expect(options[0]).toBe('Mexico');
    expect(options).not.toContain('Afghanistan');
  });

  it('chooses the country on Enter and shows its name', async () => {
    const { fixture, input, type, control } = await render();
    await type('Mex');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }));
    await fixture.whenStable();
    expect(control.value).toBe('MX');
    expect(input.value).toBe('Mexico');
  });

  it('takes a full name typed and left, and refuses text that is no country', async () => {
    const { fixture, input, type, control } = await render();
    await type('senegal');
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect(control.value).toBe('SN');
    await type('Atlantis');
    input.dispatchEvent(new Event('blur'));
    expect(control.errors).toEqual({ country: true });
  });
});
