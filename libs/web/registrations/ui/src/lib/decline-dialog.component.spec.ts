import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import {
  DECLINE_REASON_MAX_LENGTH,
  DeclineDialogComponent,
  type DeclineDialogResult,
} from './decline-dialog.component';

describe(DeclineDialogComponent.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
  });
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = '')));

  async function open() {
    const ref = TestBed.inject(MatDialog).open<DeclineDialogComponent, unknown, DeclineDialogResult>(
      DeclineDialogComponent,
      { data: { name: 'Amina Diallo', email: 'amina@example.org' } },
    );
    const closed = firstValueFrom(ref.afterClosed());
    await new Promise((resolve) => setTimeout(resolve));
    const root = document.querySelector<HTMLElement>('gfmd-decline-dialog')!;
    const buttons = [...root.querySelectorAll('button')];
    return {
      root,
      closed,
      cancel: buttons.find((b) => b.textContent?.includes('Cancel'))!,
      confirm: buttons.find((b) => b.textContent?.includes('Decline and send the email'))!,
      reason: root.querySelector('textarea')!,
    };
  }

  it('says an email goes to the person, and styles the confirmation as destructive', async () => {
    const { root, confirm } = await open();

    expect(root.textContent).toContain('Decline Amina Diallo?');
    expect(root.textContent).toContain('An email goes to Amina Diallo (amina@example.org)');
    expect(root.textContent).toContain('Included in the email');
    expect(confirm.classList).toContain('gfmd-danger');
  });

  it('closes with nothing when cancelled', async () => {
    const { cancel, closed } = await open();

    cancel.click();

    expect(await closed).toBeUndefined();
  });

  it('closes with the trimmed reason, or without one when blank', async () => {
    const first = await open();
    first.reason.value = '  Kept for delegations  ';
    first.reason.dispatchEvent(new Event('input'));
    first.confirm.click();
    expect(await first.closed).toEqual({ reason: 'Kept for delegations' });

    const second = await open();
    expect(second.reason.getAttribute('maxlength')).toBe(String(DECLINE_REASON_MAX_LENGTH));
    second.confirm.click();
    expect(await second.closed).toEqual({});
  });
});
