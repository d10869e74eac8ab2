import type { AstroIntegration } from 'astro';
import { batchOutput } from '../lib/build/batched-output';

/**
 * Writes the build's log in pieces rather than line by line (src/lib/build/batched-output.ts): from
 * the start of `astro build` to its end, when everything waiting is written and the streams are
 * put back.
 */
export default function batchedOutput(): AstroIntegration {
  let restore: (() => void) | undefined;
  return {
    name: 'ke-hoach-mo:batched-output',
    hooks: {
      'astro:build:start': () => {
        restore ??= batchOutput(process.stdout, process.stderr);
      },
      'astro:build:done': () => {
        restore?.();
        restore = undefined;
      },
    },
  };
}
