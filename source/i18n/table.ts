/**
The shape another language's table must have, given the English one: the same keys, a
string where English has a string, and a function of the same parameters where English
has a function. tsc then fails on a missing, extra or differently shaped message.
*/
export type Table<English> = {[Key in keyof English]: English[Key] extends string ? string : English[Key]};

/**
One table made of its parts (later parts win, as with spread). Spreading the parts, some
800 entries, into an object literal gives the object a new hidden class for each entry
it adds: 7-12 ms of every start. A table without a prototype is a dictionary from the
start and is filled in under a millisecond; it is only ever read by key.
*/
export function joinTables<A extends object, B extends object, C extends object, D extends object, E extends object>(a: A, b: B, c: C, d: D, e: E): A & B & C & D & E {
	return Object.assign(Object.create(null) as object, a, b, c, d, e) as A & B & C & D & E;
}
