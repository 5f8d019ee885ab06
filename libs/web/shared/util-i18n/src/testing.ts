/**
 * Unit tests only (tools/jest/web-i18n-setup.ts runs it before every web spec): the staff part
 * of each dictionary is there from the start, as if the route guard `staffDictionary` had run.
 */
import { arStaff } from './lib/dictionaries/ar-staff';
import { enStaff } from './lib/dictionaries/en-staff';
import { esStaff } from './lib/dictionaries/es-staff';
import { frStaff } from './lib/dictionaries/fr-staff';
import { preloadStaffDictionary } from './lib/i18n.service';

export function preloadStaffDictionaries(): void {
  preloadStaffDictionary('en', enStaff);
  preloadStaffDictionary('fr', frStaff);
  preloadStaffDictionary('es', esStaff);
  preloadStaffDictionary('ar', arStaff);
}

/** For the specs of the lazy loading itself. */
export function clearPreloadedStaffDictionaries(): void {
  preloadStaffDictionary('en', undefined);
  preloadStaffDictionary('fr', undefined);
  preloadStaffDictionary('es', undefined);
  preloadStaffDictionary('ar', undefined);
}
