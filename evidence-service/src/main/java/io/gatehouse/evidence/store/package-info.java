/** Where sealed bundles' bytes are kept while their seals are active. */
package io.gatehouse.evidence.store;
