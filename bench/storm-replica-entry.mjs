// A worker thread's entry: TypeScript is loaded through tsx here, as the bench itself is.
import { register } from 'tsx/esm/api';

register();
await import('./storm-replica.ts');
