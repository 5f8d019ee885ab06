import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import type { ImportRegistrationsReport } from '@gfmd/contracts';
import { RegistrationsApi } from '@gfmd/web-registrations-data-access';
import { firstValueFrom, of } from 'rxjs';
import { ImportRegistrationsDialogComponent } from './import-registrations-dialog.component';

const report = (dryRun: boolean): ImportRegistrationsReport => ({
  dryRun,
  total: 3,
  confirmed: 1,
  waitlisted: 1,
  refused: 1,
  rows: [
    { row: 2, email: 'a@example.org', name: 'Ana Gómez', outcome: 'confirmed' },
    { row: 3, email: 'b@example.org', name: 'Ben Okafor', outcome: 'waitlisted', waitlistPosition: 1 },
    {
      row: 4,
      email: 'a@example.org',
      name: 'Ana Gómez',
      outcome: 'refused',
      reason: 'duplicate-in-file',
      detail: 'The same address is on line 2 of the file.',
    },
  ],
});

describe(ImportRegistrationsDialogComponent.name, () => {
  const importCsv = jest.fn((_id: string, _csv: string, dryRun: boolean) => of(report(dryRun)));

  beforeEach(() => {
    importCsv.mockClear();
    TestBed.configureTestingModule({
      providers: [
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: RegistrationsApi, useValue: { importCsv } },
      ],
    });
  });
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = '')));

  const tick = () => new Promise((resolve) => setTimeout(resolve));

  it('previews the chosen file row by row, then imports it and closes with true', async () => {
    const ref = TestBed.inject(MatDialog).open(ImportRegistrationsDialogComponent, { data: { dialogueId: 'd1' } });
    const closed = firstValueFrom(ref.afterClosed());
    await tick();
    const root = document.querySelector<HTMLElement>('gfmd-import-registrations-dialog')!;
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(root.querySelector('label[for=import-file]')?.textContent).toContain('CSV file');
    // jsdom's File has no text(): a stand-in with what the dialog reads.
    const file = { name: 'people.csv', size: 16, text: async () => 'email,firstName\n' };
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await tick();
    await tick();
    TestBed.tick();

    expect(importCsv).toHaveBeenCalledWith('d1', 'email,firstName\n', true);
    expect(root.textContent).toContain(
      'Preview: 1 would be confirmed, 1 would go to the waiting list, 1 would be refused.',
    );
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => tr.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toContain('Would be confirmed');
    expect(rows[2]).toContain('The same address is higher up in the file');
    const run = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Import 2 rows'))!;
    run.click();
    await tick();
    TestBed.tick();

    expect(importCsv).toHaveBeenLastCalledWith('d1', 'email,firstName\n', false);
    expect(root.textContent).toContain('Imported: 1 confirmed, 1 on the waiting list, 1 refused.');
    [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Close'))!.click();
    expect(await closed).toBe(true);
  });
});
