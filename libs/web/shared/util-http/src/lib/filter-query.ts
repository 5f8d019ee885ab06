/**
 * A list query of the contract as a page's filters hold it: every field optional, and '' for
 * "any" in the text and choice fields (a select's empty option). `toParams` leaves '' out of the request.
 */
export type FilterQuery<T> = { [K in keyof T]?: NonNullable<T[K]> extends string ? T[K] | '' : T[K] };
