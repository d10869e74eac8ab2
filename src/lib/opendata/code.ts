import { sourceFingerprint } from '../content/cache';

/** The code an open-data file is rendered by: the libraries, schemas, site config and packages ('' when the sources are not there). */
export function openDataCode(): string {
  return sourceFingerprint(['src/lib', 'src/schemas', 'src/site.config.ts', 'package-lock.json']) ?? '';
}
