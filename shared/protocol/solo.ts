/**
 * Limits of a solo game that both sides read: the server validates them (options.ts), the
 * client builds its form from them. No zod here, so the client bundle can import it.
 */
/** A solo game is practice: 1 to 4 years (the scenario's own length when none is chosen). */
export const MIN_SOLO_YEARS = 1;
export const MAX_SOLO_YEARS = 4;
