/**
The shape another language's table must have, given the English one: the same keys, a
string where English has a string, and a function of the same parameters where English
has a function. tsc then fails on a missing, extra or differently shaped message.
*/
export type Table<English> = {[Key in keyof English]: English[Key] extends string ? string : English[Key]};
