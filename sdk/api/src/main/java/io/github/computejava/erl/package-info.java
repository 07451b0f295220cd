/**
 * Edge rate limiting: {@link io.github.computejava.erl.RateCounter} counts events per entry (typically a client
 * address) and estimates their rate, {@link io.github.computejava.erl.PenaltyBox} holds entries for a while, and
 * {@link io.github.computejava.erl.RateLimiter} combines the two: count an event, and put the entry in the
 * penalty box once its rate goes over a limit.
 *
 * <p>Counters and penalty boxes are shared by all instances of the service within a Fastly POP. Fastly's
 * estimates are approximate (they may under-count by up to 10%) and both have a fixed capacity: a full counter
 * forgets its least recently counted entry, a full penalty box the entry closest to its release.
 */
package io.github.computejava.erl;
