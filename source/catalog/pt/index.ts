import type {CatalogTranslation} from '../types.js';
import {commands} from './commands.js';
import {enhancedCodes} from './enhanced-codes.js';
import {extensions} from './extensions.js';
import {mechanisms} from './mechanisms.js';
import {replyCodes} from './reply-codes.js';
import {topics} from './topics.js';

/** The catalog's words in Brazilian Portuguese, written for it (not machine-translated). */
export const pt: CatalogTranslation = {
	command: commands,
	reply: replyCodes,
	enhanced: enhancedCodes,
	extension: extensions,
	mechanism: mechanisms,
	topic: topics,
};
