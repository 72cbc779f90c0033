using System.Net;
using Gaoxin.Api.Features.Webhooks;
using Gaoxin.Contracts.Webhooks;

namespace Gaoxin.Api.Tests.Unit;

/// <summary>Which addresses a webhook may reach: the rule that stands between a subscriber's URL and the intranet.</summary>
public sealed class TargetAddressTests
{
    [Theory]
    [InlineData("169.254.169.254", "metadata")]
    [InlineData("100.100.100.200", "metadata")]
    [InlineData("fd00:ec2::254", "metadata")]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.9", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("10.20.30.40", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.0.10", "private")]
    [InlineData("100.64.0.1", "private")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("64:ff9b::a00:1", "private")] // NAT64 of 10.0.0.1
    [InlineData("2002:c0a8:101::1", "private")] // 6to4 of 192.168.1.1
    [InlineData("169.254.10.10", "linkLocal")]
    [InlineData("fe80::1", "linkLocal")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "reserved")]
    [InlineData("192.0.2.1", "reserved")]
    [InlineData("2001:db8::1", "reserved")]
    public void Refuses_addresses_inside_networks_and_clouds(string address, string kind) =>
        Assert.Equal(kind, TargetAddresses.ClassOf(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")] // just past 172.16.0.0/12
    [InlineData("100.128.0.1")] // just past 100.64.0.0/10
    [InlineData("2400:3200::1")]
    [InlineData("64:ff9b::5db8:d70e")] // NAT64 of a public address
    public void Allows_public_addresses(string address) => Assert.Null(TargetAddresses.ClassOf(IPAddress.Parse(address)));

    [Fact]
    public void An_allow_listed_network_is_reachable_and_nothing_beside_it()
    {
        var targets = TargetAddresses.From(["127.0.0.1/32", "10.8.0.0/16"]);
        Assert.Null(targets.RefusalOf(IPAddress.Parse("127.0.0.1")));
        Assert.Null(targets.RefusalOf(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.Null(targets.RefusalOf(IPAddress.Parse("10.8.3.4")));
        Assert.NotNull(targets.RefusalOf(IPAddress.Parse("127.0.0.2")));
        Assert.NotNull(targets.RefusalOf(IPAddress.Parse("10.9.0.1")));
        Assert.NotNull(targets.RefusalOf(IPAddress.Parse("169.254.169.254")));
    }
}

public sealed class RetryScheduleTests
{
    private static readonly RetrySchedule Schedule = new(TimeSpan.FromSeconds(5), TimeSpan.FromHours(1), TimeSpan.FromHours(24));

    [Theory]
    [InlineData(1, 0.0, 2.5)]
    [InlineData(1, 1.0, 5)]
    [InlineData(2, 0.0, 5)]
    [InlineData(4, 1.0, 40)]
    [InlineData(12, 1.0, 3600)] // 5 s × 2^11 would be 2.8 h: capped at 1 h
    [InlineData(40, 0.0, 1800)] // no overflow however long it fails
    public void Backs_off_exponentially_with_jitter_up_to_the_cap(int attempt, double random, double seconds) =>
        Assert.Equal(seconds, Schedule.DelayAfter(attempt, random).TotalSeconds, precision: 3);

    [Fact]
    public void Waits_as_long_as_the_receiver_asks_but_never_past_the_cap()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), Schedule.DelayAfter(1, 0.5, TimeSpan.FromMinutes(10)));
        Assert.Equal(TimeSpan.FromHours(1), Schedule.DelayAfter(1, 0.5, TimeSpan.FromDays(3)));
        Assert.Equal(3.75, Schedule.DelayAfter(1, 0.5, TimeSpan.FromSeconds(1)).TotalSeconds, precision: 3);
    }

    [Fact]
    public void Gives_up_when_failures_have_lasted_the_retry_period()
    {
        var since = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        Assert.False(Schedule.GivesUp(since, since.AddHours(23.9)));
        Assert.True(Schedule.GivesUp(since, since.AddHours(24)));
    }

    [Fact]
    public void A_day_of_failures_is_about_thirty_attempts_not_thousands()
    {
        var elapsed = TimeSpan.Zero;
        var attempts = 0;
        while (elapsed < TimeSpan.FromHours(24))
        {
            elapsed += Schedule.DelayAfter(++attempts, 1);
        }
        Assert.InRange(attempts, 25, 40);
    }
}

public sealed class WebhookSigningTests
{
    [Fact]
    public void Signs_as_the_specifications_reference_test_vector_says()
    {
        // libraries/csharp/StandardWebhooks.Tests/WebhookTest.cs, verifyWebhookSignWorks, in standard-webhooks/standard-webhooks.
        var key = Convert.FromBase64String("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSigning.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    [Fact]
    public void During_a_rotation_both_secrets_sign_space_separated_and_the_reference_accepts_either()
    {
        var (current, previous) = (WebhookSigning.NewKey(), WebhookSigning.NewKey());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = WebhookSigning.Header([current, previous], "msg_1-chg_1-chg_2", timestamp, "{}");
        Assert.Equal(2, header.Split(' ').Length);
        var headers = new WebHeaderCollection { { "webhook-id", "msg_1-chg_1-chg_2" }, { "webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) }, { "webhook-signature", header } };
        new StandardWebhooks.Webhook(WebhookSigning.Format(current)).Verify("{}", headers);
        new StandardWebhooks.Webhook(WebhookSigning.Format(previous)).Verify("{}", headers);
    }
}

public sealed class WebhookFeedTests
{
    private static FeedEvent Event(long batch, long id, bool wanted) =>
        new(new WebhookPosition(batch, WebhookPosition.Changes, id), wanted, new WebhookEvent { Id = "chg_" + id, Type = "observation.created", OccurredAt = DateTimeOffset.UnixEpoch });

    [Fact]
    public void A_message_takes_the_wanted_events_and_moves_past_the_unwanted_ones_read_with_them()
    {
        var after = new WebhookPosition(1, 0, 0);
        var window = new[] { Event(2, 1, false), Event(2, 2, true), Event(3, 3, false) };
        var (events, through, more) = WebhookFeed.Take(window, after, max: 10, scan: 100);
        Assert.Equal(["chg_2"], events.Select(e => e.Event.Id));
        Assert.Equal(new WebhookPosition(3, 0, 3), through);
        Assert.False(more);
    }

    [Fact]
    public void A_full_message_stops_at_its_last_event_so_the_next_one_starts_right_behind_it()
    {
        var window = Enumerable.Range(1, 10).Select(i => Event(5, i, wanted: true)).ToList();
        var (events, through, more) = WebhookFeed.Take(window, new WebhookPosition(4, 1, long.MaxValue), max: 4, scan: 100);
        Assert.Equal(4, events.Count);
        Assert.Equal(new WebhookPosition(5, 0, 4), through);
        Assert.True(more);
    }

    [Fact]
    public void A_window_cut_by_its_scan_limit_says_more_may_follow()
    {
        var window = Enumerable.Range(1, 3).Select(i => Event(5, i, wanted: false)).ToList();
        var (events, through, more) = WebhookFeed.Take(window, new WebhookPosition(4, 1, long.MaxValue), max: 4, scan: 3);
        Assert.Empty(events);
        Assert.Equal(new WebhookPosition(5, 0, 3), through);
        Assert.True(more);
    }

    [Theory]
    [InlineData("chg_12", 0, 12)]
    [InlineData("mat_3", 1, 3)]
    public void Reads_event_ids_as_delivered(string id, short stream, long number)
    {
        Assert.True(WebhookPosition.TryParseEventId(id, out var s, out var n));
        Assert.Equal((stream, number), (s, n));
    }

    [Theory]
    [InlineData("evt_1")]
    [InlineData("chg_")]
    [InlineData("chg_-1")]
    [InlineData("chg_0")]
    [InlineData("chg_1.5")]
    [InlineData("mat_99999999999999999999")]
    public void Refuses_anything_else(string id) => Assert.False(WebhookPosition.TryParseEventId(id, out _, out _));

    [Fact]
    public void Orders_positions_by_batch_then_changes_before_match_events()
    {
        Assert.True(new WebhookPosition(1, 1, 1) < new WebhookPosition(2, 0, 1));
        Assert.True(new WebhookPosition(2, 0, 900) < new WebhookPosition(2, 1, 1));
        Assert.Equal(long.MaxValue, WebhookPosition.EndOf(7).ChangeAfter);
        Assert.Equal(0, new WebhookPosition(7, 0, 5).MatchAfter);
    }
}

/// <summary>The C# check the README gives receivers, verbatim: it must accept what the platform signs and refuse the rest.</summary>
public static class ReadmeCheck
{
    public static bool Verify(string secret, string id, string timestamp, string signatures, string body)
    {
        if (!long.TryParse(timestamp, out var sent) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - sent) > 300)
            return false; // too old or too new: a replay
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = System.Text.Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(
            System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"))));
        return signatures.Split(' ').Any(s => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(s), expected));
    }
}

public sealed class ReadmeCheckTests
{
    [Fact]
    public void Accepts_what_the_platform_signs_with_either_secret_and_refuses_tampering_and_replays()
    {
        var (current, previous) = (WebhookSigning.NewKey(), WebhookSigning.NewKey());
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        const string body = """{"type":"gaoxin.events","data":{"events":[]}}""";
        var header = WebhookSigning.Header([current, previous], "msg_1", now, body);
        var timestamp = now.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ReadmeCheck.Verify(WebhookSigning.Format(current), "msg_1", timestamp, header, body));
        Assert.True(ReadmeCheck.Verify(WebhookSigning.Format(previous), "msg_1", timestamp, header, body));
        Assert.False(ReadmeCheck.Verify(WebhookSigning.Format(WebhookSigning.NewKey()), "msg_1", timestamp, header, body));
        Assert.False(ReadmeCheck.Verify(WebhookSigning.Format(current), "msg_2", timestamp, header, body));
        Assert.False(ReadmeCheck.Verify(WebhookSigning.Format(current), "msg_1", timestamp, header, body + " "));
        var old = (now - 600).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(ReadmeCheck.Verify(WebhookSigning.Format(current), "msg_1", old, WebhookSigning.Header([current], "msg_1", now - 600, body), body));
        // And the reference implementation agrees on the same message.
        new StandardWebhooks.Webhook(WebhookSigning.Format(current)).Verify(body, new System.Net.WebHeaderCollection
            { { "webhook-id", "msg_1" }, { "webhook-timestamp", timestamp }, { "webhook-signature", header } });
    }
}
