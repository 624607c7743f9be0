/**
 * The version of tariefbouw. Written into every output next to the set's vingerafdruk: the same set gives
 * the same documents only with the same version. Kept equal to package.json (test/unit/versie.test.ts).
 */
export const TARIEFBOUW_VERSIE = '0.1.0';
