namespace LeadOps.GraphSandbox;

/// <summary>
/// A position in an edge: items are ordered by (time, sequence), newest first. Cursors name a position, not an
/// offset, so items added during a walk never make the walk repeat or skip the others.
/// </summary>
internal readonly record struct PageKey(long Time, long Sequence) : IComparable<PageKey>
{
    /// <summary>Before every item (the start of a newest-first walk).</summary>
    public static readonly PageKey Start = new(long.MaxValue, long.MaxValue);

    public int CompareTo(PageKey other)
    {
        var byTime = Time.CompareTo(other.Time);
        return byTime != 0 ? byTime : Sequence.CompareTo(other.Sequence);
    }

    public string Encode() => Encode($"k1:{Time}:{Sequence}");

    /// <summary>
    /// The same position under a new cursor, as Graph gives after a page whose items were all filtered out (an empty
    /// page that still has <c>next</c>): the cursor changes even though no item was returned.
    /// </summary>
    public string EncodeAgain(long nonce) => Encode($"k1:{Time}:{Sequence}:{nonce}");

    private static string Encode(string text) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, out PageKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 100)
        {
            return false;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split(':');
            if (parts.Length is 3 or 4 && parts[0] == "k1"
                && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var time)
                && long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sequence))
            {
                key = new PageKey(time, sequence);
                return true;
            }
        }
        catch (FormatException)
        {
            // Not a cursor of ours.
        }

        return false;
    }
}
