/**
 * Dead letters after the fact: {@link dev.callscribe.deadletters.DeadLetterReader} reads what
 * {@code calls.dead-letter} holds, {@link dev.callscribe.deadletters.DeadLetterFilter} picks letters by reason, call
 * and source topic, and {@link dev.callscribe.deadletters.DeadLetterReplay} sends the rejected records back to their
 * source topics once the cause is fixed. The {@code callscribe dead-letters} command drives them.
 */
package dev.callscribe.deadletters;
