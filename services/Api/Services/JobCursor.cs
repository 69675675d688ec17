using System.Globalization;
using System.Text;
using Platform.Data.Entities;

namespace Platform.Api.Services;

/// <summary>Keyset position in the job list (newest first): the last job's creation time and id, base64url.</summary>
internal sealed record JobCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public static string Encode(Job job) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{job.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{job.Id}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? value, out JobCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        try
        {
            var padded = value.Replace('-', '+').Replace('_', '/').PadRight((value.Length + 3) / 4 * 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            cursor = new JobCursor(new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.Parse(parts[1]));
            return true;
        }
        catch (Exception exception) when (exception is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
