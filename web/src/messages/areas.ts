/**
 * The messages of the console's areas, each in a file pair of its own (`<area>.zh.ts` defines the keys,
 * `<area>.en.ts` translates them all), merged here with the shell's (zh.ts, en.ts). One line per area in each object.
 */
export const zhAreas = {
} as const;

export const enAreas: Record<keyof typeof zhAreas, string> = {
};
