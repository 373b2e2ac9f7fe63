import type { BuildOptions } from 'esbuild';

/** The esbuild options of the compiled CLI (cli-build-options.js). */
export declare function cliBuildOptions(root: string, outdir: string): BuildOptions & { metafile: true };
