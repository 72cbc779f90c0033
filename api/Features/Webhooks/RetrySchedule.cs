namespace Gaoxin.Api.Features.Webhooks;

/// <summary>
/// When a failed message is tried again: exponential backoff (first delay × 2^(attempt−1), capped), with jitter so that
/// receivers recovering from an outage are not hit by every sender at the same second, and never sooner than the
/// receiver's own Retry-After (up to the cap). After the retry period the subscription is disabled.
/// </summary>
public sealed record RetrySchedule(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Period)
{
    /// <param name="attempt">The attempt that just failed: 1 for the first.</param>
    /// <param name="random">A number in [0, 1): the jitter, drawn by the caller so that the rule stays pure.</param>
    /// <param name="retryAfter">What the receiver asked for, if anything.</param>
    public TimeSpan DelayAfter(int attempt, double random, TimeSpan? retryAfter = null)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var backoff = TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * Math.Pow(2, exponent), MaxDelay.Ticks));
        // "Equal jitter": between half and all of the backoff, so a delay never collapses to nothing.
        var jittered = backoff * (0.5 + 0.5 * Math.Clamp(random, 0, 1));
        return retryAfter is { } asked && asked > jittered ? (asked < MaxDelay ? asked : MaxDelay) : jittered;
    }

    /// <summary>True when failures have lasted the whole retry period: the subscription is disabled, not retried.</summary>
    public bool GivesUp(DateTimeOffset failingSince, DateTimeOffset now) => now - failingSince >= Period;
}
