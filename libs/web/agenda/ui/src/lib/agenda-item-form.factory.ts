import {
  type FormArray,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  Validators,
} from '@angular/forms';
import type { AgendaItemKind, ContentTranslations, SpeakerRole } from '@gfmd/contracts';

export type SpeakerForm = FormGroup<{
  name: FormControl<string>;
  organization: FormControl<string>;
  role: FormControl<SpeakerRole>;
}>;

export type AgendaItemForm = FormGroup<{
  title: FormControl<string>;
  kind: FormControl<AgendaItemKind>;
  spaceId: FormControl<string>;
  room: FormControl<string>;
  day: FormControl<string>;
  start: FormControl<string>;
  end: FormControl<string>;
  description: FormControl<string>;
  themeIds: FormControl<string[]>;
  speakers: FormArray<SpeakerForm>;
  /** Title and description in the dialogue's other languages (docs/i18n.md). */
  translations: FormControl<ContentTranslations>;
}>;

/** The agenda item form: one day, a start and an end time (in the dialogue's zone), speakers. */
export function createAgendaItemForm(fb: NonNullableFormBuilder): AgendaItemForm {
  return fb.group({
    title: ['', [Validators.required, Validators.maxLength(300)]],
    kind: fb.control<AgendaItemKind>('panel', Validators.required),
    spaceId: [''],
    room: ['', Validators.maxLength(100)],
    day: ['', Validators.required],
    start: ['09:00', Validators.required],
    end: ['10:00', Validators.required],
    description: ['', Validators.maxLength(4000)],
    themeIds: fb.control<string[]>([]),
    speakers: fb.array<SpeakerForm>([]),
    translations: fb.control<ContentTranslations>({}),
  });
}

export function createSpeakerForm(
  fb: NonNullableFormBuilder,
  name = '',
  organization = '',
  role: SpeakerRole = 'speaker',
): SpeakerForm {
  return fb.group({
    name: [name, [Validators.required, Validators.maxLength(200)]],
    organization: [organization, Validators.maxLength(200)],
    role: fb.control<SpeakerRole>(role),
  });
}
