// Every web spec sees the staff part of the dictionaries as loaded (in the app the staff routes'
// `staffDictionary` guard loads it); i18n.service.spec clears it to test the lazy loading.
import { preloadStaffDictionaries } from '../../libs/web/shared/util-i18n/src/testing';

preloadStaffDictionaries();
