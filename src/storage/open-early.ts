// Imported first by src/main.ts, for its side effect: the workbook database starts opening while
// the rest of the app's modules evaluate (see openEarly). Nothing else should import this.
import { openEarly } from './idb-kv';

openEarly();
