// Every web spec sees the staff part of the dictionaries as loaded (in the app the staff routes'
// `staffDictionary` guard loads it); i18n.service.spec clears it to test the lazy loading.
// The i18n service sets the CDK's Directionality (partially compiled Angular code): the JIT
// compiler must be there before it loads, as it is in the specs themselves.
import '@angular/compiler';
import { preloadStaffDictionaries } from '../../libs/web/shared/util-i18n/src/testing';

preloadStaffDictionaries();
