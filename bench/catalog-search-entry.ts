// What the search benchmark calls: the palette's search and the entries it searches.
export {searchCatalog} from '../source/catalog/search.js';
export {allEntries, entryTitle} from '../source/catalog/index.js';
export {loadCatalogLanguage} from '../source/catalog/localize.js';
