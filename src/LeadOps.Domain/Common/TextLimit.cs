namespace LeadOps.Domain.Common;

/// <summary>Keeps free text (error reasons, audit notes) within its column.</summary>
public static class TextLimit
{
    /// <summary>The size of every column that holds a reason or an error in plain words.</summary>
    public const int Reason = 1000;

    /// <summary>The text itself when it fits, else its first <paramref name="length"/> characters.</summary>
    public static string Cut(string text, int length = Reason) => text.Length <= length ? text : text[..length];
}
