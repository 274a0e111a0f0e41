// Imported by src/main.ts right after the database's early open, for its side effect: a first
// visit opens the default example, whose module is fetched while the app's own modules load and
// evaluate instead of after the store has answered "empty". A returning visit fetches it too
// (16 KB, off the path to its first table). Nothing else should import this.
import { DEFAULT_EXAMPLE_ID } from '../../sheets/examples/catalog';
import { prefetchExample } from './example-modules';

prefetchExample(DEFAULT_EXAMPLE_ID);
