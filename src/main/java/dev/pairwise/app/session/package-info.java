/**
 * What ends with a browser session: a labeler's running leases are released
 * when their session is destroyed, by sign-out or by expiry, so their tasks go back to the pool
 * at once instead of when each lease runs out.
 */
@NullMarked
package dev.pairwise.app.session;

import org.jspecify.annotations.NullMarked;
