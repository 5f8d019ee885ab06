import { ChangeDetectionStrategy, ChangeDetectorRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ChangedOrSubmittedErrorStateMatcher, provideFeatureDefaults } from './form-defaults.provider';

@Component({
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="(0)" novalidate>
      <mat-form-field>
        <mat-label>Name</mat-label>
        <input matInput formControlName="name" />
        <mat-error>Required</mat-error>
      </mat-form-field>
      <button type="submit">Save</button>
    </form>
  `,
})
class HostComponent {
  readonly form = new FormGroup({ name: new FormControl('', Validators.required) });
}

describe('provideFeatureDefaults: when a field shows its error', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: provideFeatureDefaults() });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const input = el.querySelector('input') as HTMLInputElement;
    const shown = async () => {
      await fixture.whenStable();
      return {
        error: el.querySelector('mat-error')?.textContent?.trim() ?? null,
        invalid: el.querySelector('mat-form-field')?.classList.contains('mat-form-field-invalid') ?? false,
      };
    };
    return { fixture, el, input, shown };
  }

  it('stays quiet when one only tabs through the field', async () => {
    const { input, shown } = await render();

    input.dispatchEvent(new Event('focus'));
    input.dispatchEvent(new Event('blur'));

    expect(await shown()).toEqual({ error: null, invalid: false });
  });

  it('shows the error once the field was changed and left', async () => {
    const { input, shown } = await render();

    input.value = 'x';
    input.dispatchEvent(new Event('input'));
    input.value = '';
    input.dispatchEvent(new Event('input'));
    const whileTyping = await shown();
    input.dispatchEvent(new Event('blur'));

    expect(whileTyping.error).toBeNull();
    expect(await shown()).toEqual({ error: 'Required', invalid: true });
  });

  it('shows the error of an untouched field after a submit attempt', async () => {
    const { el, shown } = await render();

    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();

    expect(await shown()).toEqual({ error: 'Required', invalid: true });
  });

  it("shows the server's refusal of a field even without a submit (an action such as Publish)", () => {
    const control = new FormControl('Plenary', Validators.required);
    const sut = new ChangedOrSubmittedErrorStateMatcher();
    const quiet = sut.isErrorState(control, null);

    control.setErrors({ server: 'Taken' });

    expect(quiet).toBe(false);
    expect(sut.isErrorState(control, null)).toBe(true);
  });

  it('shows the error the server put on a field after an action other than submit (Publish)', async () => {
    const { fixture, shown } = await render();

    fixture.componentInstance.form.controls.name.setErrors({ server: 'Taken' });
    fixture.debugElement.injector.get(ChangeDetectorRef).markForCheck(); // a page's problem signal does this

    expect((await shown()).invalid).toBe(true);
  });
});
