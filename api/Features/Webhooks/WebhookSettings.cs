namespace Gaoxin.Api.Features.Webhooks;

/// <summary>The <c>Webhooks:</c> section of the configuration (README, "Webhooks").</summary>
public sealed class WebhookSettings
{
    /// <summary>False: this process delivers nothing (subscriptions can still be managed; another process delivers).</summary>
    public bool Deliver { get; set; } = true;

    /// <summary>Networks (CIDR) that targets may be in although they are loopback, private or link-local.</summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>Targets must be https, except on an allowed network.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>How many subscriptions this process serves at once (each holds one database connection while sending).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How often idle workers look for work when no notice of a new commit arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a receiver has to answer (Standard Webhooks recommends 15–30 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long failures may last before the subscription is disabled.</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many days the delivery log keeps an attempt (and a finished redelivery).</summary>
    public int LogDays { get; set; } = 30;

    /// <summary>The most events in one message.</summary>
    public int MaxEventsPerMessage { get; set; } = 500;

    public RetrySchedule Retries => new(FirstRetryDelay, MaxRetryDelay, RetryPeriod);
}
