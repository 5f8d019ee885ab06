import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import type { Question } from '@gfmd/contracts';
import { RegistrationsApi } from '@gfmd/web-registrations-data-access';
import { SpaceFactory } from '@gfmd/web-shared-util-testing';
import { of } from 'rxjs';
import { StaffRegisterDialogComponent, type StaffRegisterDialogData } from './staff-register-dialog.component';

describe(StaffRegisterDialogComponent.name, () => {
  const questions: Question[] = [
    { key: 'visa', type: 'checkbox', required: false, label: { fr: 'Besoin d’un visa', es: 'Necesita visado' } },
  ];

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: RegistrationsApi, useValue: { questions: () => of(questions) } },
      ],
    });
  });
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = '')));

  const tick = () => new Promise((resolve) => setTimeout(resolve));

  it("shows spaces and question labels in the page's language, else the dialogue's languages in order, marked", async () => {
    // A dialogue written in Spanish, then French; the page is in English. Staff reads carry the translations.
    const data: StaffRegisterDialogData = {
      dialogue: { id: 'd1', format: 'in_person', languages: ['es', 'fr'] },
      spaces: [
        SpaceFactory.create({
          id: 's1',
          name: 'Espacio empresarial',
          translations: { en: { name: 'Business space' } },
        }),
        SpaceFactory.create({ id: 's2', name: 'Sociedad civil', translations: { fr: { name: 'Société civile' } } }),
      ],
    };
    TestBed.inject(MatDialog).open(StaffRegisterDialogComponent, { data });
    await tick();
    await tick();
    const root = document.querySelector<HTMLElement>('gfmd-staff-register-dialog')!;

    const spaces = [...root.querySelectorAll('ul mat-checkbox span')]
      .filter((s) => s.children.length === 0 && /space|Sociedad|Espacio/.test(s.textContent ?? ''))
      .map((s) => [s.textContent?.trim(), s.getAttribute('lang')]);
    expect(spaces).toEqual([
      ['Business space', null],
      ['Sociedad civil', 'es'],
    ]);
    // Not written in English: the dialogue's first language, Spanish (not French, the first key).
    const label = [...root.querySelectorAll('span')].find((s) => s.textContent?.trim() === 'Necesita visado');
    expect(label?.getAttribute('lang')).toBe('es');
  });
});
