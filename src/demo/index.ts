/** Demo dataset generator: realistic report files in the real formats (see docs in generate.ts). */
export { generateDemo, buildDemoFiles, type DemoOptions, type DemoFileInfo } from './generate.ts';
export { adTypeOfDemoFile } from './demo-file.ts';
export { simulateWorld, DEFAULT_TODAY, type World } from './world.ts';
export { DEMO_FX_TO_CNY } from './markets.ts';
