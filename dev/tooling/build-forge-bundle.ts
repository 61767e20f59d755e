import path from 'node:path';
import { buildForgeBundle, ForgeBundleError } from './forge-bundle';

/**
 * `npm run build:forge`: the backend bundle `forge deploy` would upload, in `.forge-bundle/`. Exits 1 on any
 * webpack error or warning, so CI stops on a backend that would not deploy.
 */
const rootDir = path.resolve(__dirname, '..', '..');
const started = Date.now();

buildForgeBundle(rootDir)
  .then((bundle) => {
    const files = [...bundle.files.values()].map((file) => path.relative(rootDir, file)).join(', ');
    console.log(`Forge bundle: ${files} (${bundle.modules.length} modules) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  })
  .catch((error: unknown) => {
    console.error(error instanceof ForgeBundleError ? error.message : error);
    process.exitCode = 1;
  });
