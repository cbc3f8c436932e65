// The waihu server of the console bench (bench/lib/waihu-app.js), serving the built console at /console/.
import { serveBenchWaihu, startBenchWaihu } from '../lib/waihu-app.js';

serveBenchWaihu(await startBenchWaihu());
