using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Gaoxin.Api.Features.Changes;

/// <summary>A position in the feed: (batch, change id); batches are numbered in commit order (migration 0008).</summary>
public static class FeedCursor
{
    public static string Encode(long batch, long id) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"f:{batch}:{id}"));

    public static bool TryDecode(string? cursor, out (long Batch, long Id) position)
    {
        position = (0, 0);
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor)).Split(':');
            if (parts is ["f", var batch, var id] && long.TryParse(batch, CultureInfo.InvariantCulture, out var b) && long.TryParse(id, CultureInfo.InvariantCulture, out var i))
            {
                position = (b, i);
                return true;
            }
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
