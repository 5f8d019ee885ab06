import { setFlagsFromString } from 'node:v8';

/*
 * V8's allocation-site pretenuring off, before anything else is loaded (main.ts imports this
 * first). With it, an API that had served a while before a large CSV export (100,000 rows)
 * allocated the export's rows straight into the old generation, where they stayed until a full
 * collection: +50 MB of memory a download, +99 MB after two. Without it the same export grows
 * the API by 2 MB (docs/performance.md, "A whole process on one database", session 16). The API's
 * objects are short-lived (a request's), which is what the young generation is for.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
