/**
 * The JavaScript heap `npm run build` gives `astro build`. Node stops at about 4 GB by default,
 * whatever the machine has; 50,000 plans need more than that (the parsed content alone is about
 * 1.1 GB, and the pages, keys and open data of the build add to it). The build may use three
 * quarters of the machine's memory, up to 16 GB (issue 10's budget), and never less than Node's
 * default.
 */
const MB = 1024 * 1024;

/** The heap limit in MB for a machine with `totalBytes` of memory. @example buildHeapMb(24 * 1024 ** 3) // 16384 */
export function buildHeapMb(totalBytes: number): number {
  return Math.max(4096, Math.min(16384, Math.floor((totalBytes / MB) * 0.75)));
}

/** The node flag for `buildHeapMb`, or none when NODE_OPTIONS already sets a heap limit. */
export function heapFlags(totalBytes: number, nodeOptions: string | undefined): string[] {
  return /--max-old-space-size/.test(nodeOptions ?? '') ? [] : [`--max-old-space-size=${buildHeapMb(totalBytes)}`];
}
